import { describe, expect, it } from 'vitest';
import { applicableOptions, DEFAULT_OPTIONS, importFormData } from '@/components/import/options';

/** Which import options the web form asks for and sends, by the formats of the chosen files. */

describe('import form options', () => {
  it('asks for each format-specific option only when a chosen format reads it', () => {
    expect([...applicableOptions([])]).toEqual([]);
    expect([...applicableOptions(['csv'])].sort()).toEqual(['csvColumns', 'encoding']);
    expect([...applicableOptions(['label-studio'])].sort()).toEqual(['encoding', 'offsetUnit', 'sourceAuthors']);
    // docx and pdf state their encoding and brat is read as UTF-8: the server refuses the option for them.
    expect([...applicableOptions(['docx', 'pdf'])]).toEqual([]);
    expect([...applicableOptions(['brat'])]).toEqual(['sourceAuthors']);
    expect([...applicableOptions(['brat', 'csv'])].sort()).toEqual(['csvColumns', 'encoding', 'sourceAuthors']);
  });

  it('sends the CSV stance options, the encoding and the source authors by the API names, and only where they apply', () => {
    const options = {
      ...DEFAULT_OPTIONS,
      textColumn: ' Tweet ',
      questionColumn: 'Stance',
      question: 'OVERALL_STANCE',
      targetColumn: 'Target',
      encoding: 'windows-1252' as const,
      offsetUnit: 'utf-16' as const,
      keepSourceAuthors: true,
    };
    const csv = importFormData([], options, [], applicableOptions(['csv']));
    expect(Object.fromEntries([...csv.entries()].filter(([key]) => !['author', 'unknownLabels', 'origin'].includes(key)))).toEqual({
      textColumn: 'Tweet',
      questionColumn: 'Stance',
      question: 'OVERALL_STANCE',
      targetColumn: 'Target',
      encoding: 'windows-1252',
    });
    const studio = importFormData([], options, [], applicableOptions(['label-studio']));
    expect(studio.get('offsetUnit')).toBe('utf-16');
    expect(studio.get('keepSourceAuthors')).toBe('true');
    expect(studio.get('questionColumn')).toBeNull();
    expect(importFormData([], DEFAULT_OPTIONS, [], applicableOptions(['label-studio'])).get('keepSourceAuthors')).toBeNull();
  });
});
