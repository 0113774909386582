/**
 * An error boundary around one panel: a render error there shows a message in its place with a
 * way to try again, and the map and the other panels go on working.
 */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { t } from '../i18n';
import { useAppStore } from '../state/store';
import type { Lang } from '../domain/types';

interface Props {
  /** the panel's name, said in the message (already in the UI language) */
  name: string;
  lang: Lang;
  children: ReactNode;
}

class Boundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // kept for whoever reads the console; the panel itself says what happened
    console.warn(`panel "${this.props.name}" failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { lang, name } = this.props;
    return (
      <section className="panel panel-failed" role="alert" data-testid="panel-failed">
        <p>
          <strong>{t(lang, 'panelFailed', { name })}</strong>
        </p>
        <p className="note">{error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {t(lang, 'panelRetry')}
        </button>
      </section>
    );
  }
}

/** Wraps a panel: `name` is an i18n key of the panel's title. */
export function PanelBoundary({ name, children }: { name: string; children: ReactNode }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <Boundary name={name} lang={lang}>
      {children}
    </Boundary>
  );
}
