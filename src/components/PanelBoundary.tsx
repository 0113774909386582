/**
 * An error boundary around one panel: a render error there shows a message in its place with a
 * way to try again, and the map and the other panels go on working. A part of the app whose script
 * failed to load (lazy-part.tsx) is said to be unloaded, not broken, and "try again" fetches it anew.
 */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { t } from '../i18n';
import { useAppStore } from '../state/store';
import type { Lang } from '../domain/types';
import { isLoadError, retryFailedParts } from './lazy-part';

interface Props {
  /** the panel's name, said in the message (already in the UI language); null: the whole app */
  name: string | null;
  lang: Lang;
  /** classes of the message's box, so it takes the panel's place */
  frame: string | undefined;
  children: ReactNode;
}

class Boundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // kept for whoever reads the console; the panel itself says what happened
    console.warn(`panel "${this.props.name ?? 'app'}" failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { lang, name, frame } = this.props;
    const unloaded = isLoadError(error);
    const message = name === null ? t(lang, unloaded ? 'appLoadFailed' : 'appFailed') : t(lang, unloaded ? 'panelLoadFailed' : 'panelFailed', { name });
    const retry = () => {
      retryFailedParts();
      this.setState({ error: null });
    };
    return (
      <section className={`panel panel-failed${frame ? ` ${frame}` : ''}`} role="alert" data-testid="panel-failed" data-unloaded={unloaded || undefined}>
        <p>
          <strong>{message}</strong>
        </p>
        <p className="note">{error.message}</p>
        <button type="button" onClick={retry}>
          {t(lang, 'panelRetry')}
        </button>
      </section>
    );
  }
}

/** Wraps a panel: `name` is its title in the UI language; null wraps the whole app. */
export function PanelBoundary({ name, frame, children }: { name: string | null; frame?: string; children: ReactNode }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <Boundary name={name} lang={lang} frame={frame}>
      {children}
    </Boundary>
  );
}
