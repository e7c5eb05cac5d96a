import type { PresetSummary } from './preset-summaries';

/** Radio cards: the radio stays visible, so the choice is never shown by colour alone. */
export function PresetChooser({ presets, defaultPresetId }: { presets: PresetSummary[]; defaultPresetId: string }) {
  return (
    <fieldset className="preset-chooser">
      <legend>Label schema</legend>
      <p className="field__hint">The preset sets up the project’s label layers and labels.</p>
      <div className="preset-chooser__options">
        {presets.map((preset) => {
          const nameId = `preset-${preset.id}-name`;
          const detailsId = `preset-${preset.id}-details`;
          return (
            <label key={preset.id} className="preset-card">
              <input
                type="radio"
                name="preset"
                value={preset.id}
                defaultChecked={preset.id === defaultPresetId}
                aria-labelledby={nameId}
                aria-describedby={detailsId}
                required
              />
              <span id={nameId} className="preset-card__name">
                {preset.name}
              </span>
              <span id={detailsId} className="preset-card__details">
                <span className="preset-card__description">{preset.description}</span>
                <span className="preset-card__contents">{preset.contents}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
