/**
 * Everyday words people type for the plan's sectors, in both languages, beyond the sectors' own
 * names (which are searched too). Lower case; matched as whole words or prefixes, never fuzzily.
 */
import type { TopSectorId } from '../domain/ids';

export const SECTOR_WORDS: Partial<Record<TopSectorId | string, readonly string[]>> = {
  ic: ['ic', 'chip', 'chips', 'semiconductor', 'semiconductors', 'integrated circuit', '芯片', '半导体', '集成电路'],
  biomed: [
    'biomedicine',
    'biomedical',
    'biotech',
    'biotechnology',
    'pharma',
    'pharmaceutical',
    'pharmaceuticals',
    'medicine',
    'drug',
    'drugs',
    'life science',
    'life sciences',
    '生物',
    '医药',
    '创新药',
  ],
  ai: ['ai', 'artificial intelligence', 'a.i.', '人工智能', '智能'],
  nev: ['ev', 'evs', 'electric vehicle', 'electric vehicles', 'new energy vehicle', 'car', 'cars', 'auto', 'automotive', '新能源车', '电动车', '汽车'],
  equipment: ['equipment', 'machinery', 'manufacturing equipment', '装备', '智能制造'],
  aerospace: ['aviation', 'aircraft', 'space', 'aerospace', 'plane', 'planes', '航空', '航天', '大飞机'],
  infocomm: ['telecom', 'telecoms', 'communications', 'ict', '通信', '信息通信'],
  materials: ['materials', 'new materials', 'chemicals', '材料', '新材料'],
  digital: ['digital', 'data', 'software', 'internet', 'cloud', 'fintech', 'online', '数字', '软件', '互联网', '数据'],
  photonics: ['photonics', 'optics', 'laser', 'lasers', '光子', '光电'],
  'gene-cell': ['gene', 'genes', 'cell therapy', 'gene therapy', '基因', '细胞'],
  brain: ['brain', 'neuromorphic', '类脑', '脑科学'],
  marine: ['marine', 'ocean', 'maritime', '海洋'],
  hydrogen: ['hydrogen', 'energy storage', 'battery', 'batteries', 'fuel cell', '氢能', '储能', '氢'],
  '6g': ['6g', '第六代'],
  'ai-chips': ['ai chip', 'ai chips'],
  'ships-offshore': ['ship', 'ships', 'shipbuilding', 'shipyard', 'offshore', '船舶', '造船', '海工'],
  robots: ['robot', 'robots', 'robotics', '机器人'],
  'autonomous-driving': ['self-driving', 'driverless', 'autonomous', '自动驾驶', '无人驾驶'],
  '5g': ['5g'],
  blockchain: ['blockchain', '区块链'],
  fintech: ['fintech', 'finance', 'financial technology', '金融科技', '金融'],
};
