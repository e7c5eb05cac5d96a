import { describe, expect, it } from 'vitest';
import { colorDistance, LABEL_PALETTE, nextLabelColor } from '@/lib/schema/colors';
import { keyFromName } from '@/lib/schema/keys';
import { PRESETS } from '@/lib/schema/presets';
import { isSpanLayer } from '@/lib/schema/types';

// Below this OKLab distance two underlines read as one colour (PUBLIC_OPINION #35978f and LANGUAGE #469990 were 0.014 apart).
const MIN_CROSS_LAYER_DISTANCE = 0.06;

describe('keyFromName', () => {
  it('turns a name into a key the schema accepts', () => {
    expect(keyFromName('Armed group')).toBe('ARMED_GROUP');
    expect(keyFromName('  Économie / coûts ')).toBe('ECONOMIE_COUTS');
    expect(keyFromName('2nd wave')).toBe('L_2ND_WAVE');
    expect(keyFromName('Tehreek-e-Taliban Pakistan')).toBe('TEHREEK_E_TALIBAN_PAKISTAN');
    expect(keyFromName('طالبان')).toBe('');
    expect(keyFromName(`${'a'.repeat(70)} b`)).toBe('A'.repeat(64));
    expect(keyFromName(`${'a'.repeat(63)} b`)).toBe('A'.repeat(63));
  });
});

describe('nextLabelColor', () => {
  it('starts with the first palette colour and never repeats one while any is free', () => {
    const used: string[] = [];
    for (let i = 0; i < LABEL_PALETTE.length; i++) used.push(nextLabelColor(used));
    expect(used[0]).toBe(LABEL_PALETTE[0]);
    expect(new Set(used).size).toBe(LABEL_PALETTE.length);
  });

  it('picks the colour farthest from those in use, whatever their case', () => {
    // With a red in use, the next is the palette colour farthest from it in OKLab.
    const next = nextLabelColor(['#E6194B']);
    expect(next).not.toBe('#e6194b');
    const farthest = Math.max(...LABEL_PALETTE.map((color) => colorDistance(color, '#e6194b')));
    expect(colorDistance(next, '#e6194b')).toBe(farthest);
  });

  it('measures black to white as 1 and a colour to itself as 0', () => {
    expect(colorDistance('#000000', '#ffffff')).toBeCloseTo(1, 3);
    expect(colorDistance('#4363d8', '#4363D8')).toBe(0);
  });
});

describe('presets', () => {
  it('give every label of a preset its own colour, across layers', () => {
    for (const preset of PRESETS) {
      const colors = preset.labels.map((label) => label.color.toLowerCase());
      expect(new Set(colors).size, preset.id).toBe(colors.length);
    }
  });

  it('keep labels of different span layers in colours that are not confusable, as all three are drawn over one text', () => {
    for (const preset of PRESETS) {
      const spanLabels = preset.labels.filter((label) => isSpanLayer(label.layer));
      const close = spanLabels.flatMap((a, i) =>
        spanLabels
          .slice(i + 1)
          .flatMap((b) => (a.layer !== b.layer && colorDistance(a.color, b.color) < MIN_CROSS_LAYER_DISTANCE ? [`${a.key}/${b.key}`] : [])),
      );
      expect(close, preset.id).toEqual([]);
    }
  });

  it('include a blank one', () => {
    expect(PRESETS.find((preset) => preset.id === 'blank')).toMatchObject({ labels: [], targets: [] });
  });
});
