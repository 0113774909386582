import { useEffect, useState } from 'react';
import { loadGeoData } from '../loaders/load-geo';
import type { GeoData } from '../loaders/load-geo';

/** Data status page: says what was loaded from public/geo (the map comes on top of this). */
export function App() {
  const [data, setData] = useState<GeoData | null>(null);
  useEffect(() => {
    let live = true;
    void loadGeoData(import.meta.env.BASE_URL).then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, []);
  if (!data) return <p role="status">正在加载数据… Loading data…</p>;
  const rows: [string, string, string][] = [
    ['sectors.json', '产业 Sectors', data.sectors.ok ? String(data.sectors.data.sectors.length) : data.sectors.error],
    ['districts.geojson', '行政区 Districts', data.districts.ok ? String(data.districts.data.features.length) : data.districts.error],
    ['zones.geojson', '空间布局 Zones', data.zones.ok ? String(data.zones.data.features.length) : data.zones.error],
    ['parks.geojson', '园区 Parks', data.parks.ok ? String(data.parks.data.features.length) : data.parks.error],
  ];
  return (
    <main>
      <h1>上海战略性新兴产业集群地图</h1>
      <table aria-label="Loaded data">
        <tbody>
          {rows.map(([file, label, value]) => (
            <tr key={file}>
              <th scope="row">{label}</th>
              <td data-file={file}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.manifest.ok && <p>Built {data.manifest.data.built_at}</p>}
    </main>
  );
}
