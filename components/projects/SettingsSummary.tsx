import { ANNOTATORS_PER_DOCUMENT, TOGGLE_NAMES, TOGGLES, type ToggleName } from './settings-meta';

type SettingsSummaryProps = Record<ToggleName, boolean> & { annotatorsPerDocument: number; license: string };

export function SettingsSummary(settings: SettingsSummaryProps) {
  return (
    <dl className="summary">
      <div>
        <dt>{ANNOTATORS_PER_DOCUMENT.label}</dt>
        <dd>{settings.annotatorsPerDocument}</dd>
      </div>
      {TOGGLE_NAMES.map((name) => (
        <div key={name}>
          <dt>{TOGGLES[name].label}</dt>
          <dd>{settings[name] ? 'Yes' : 'No'}</dd>
        </div>
      ))}
      <div>
        <dt>License</dt>
        <dd>{settings.license || <span className="muted">Not set</span>}</dd>
      </div>
    </dl>
  );
}
