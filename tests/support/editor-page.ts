import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { selectFreeWord } from './browser';

/** The editor's text, and the spans drawn over `word` in it. */
export const editorText = (page: Page): Locator => page.getByRole('textbox', { name: /^Text of / });
export const spansOn = (page: Page, word: string): Locator => editorText(page).locator('[data-span]', { hasText: word });

/** Labels a word without a span by a label's hotkey; the word. */
export async function labelFreeWord(page: Page, hotkey: string): Promise<string> {
  const word = await selectFreeWord(page);
  await page.getByRole('dialog', { name: 'Choose a label' }).waitFor();
  await page.keyboard.press(hotkey);
  await expect.poll(() => spansOn(page, word).count()).toBe(1);
  return word;
}

/** Clicks the span over `word`, and waits for its actions. */
export async function selectSpan(page: Page, word: string): Promise<void> {
  await spansOn(page, word).click();
  await page.getByRole('dialog', { name: 'Selected span' }).locator('q', { hasText: word }).waitFor();
}

/** Links the span over `source` to the one over `target` with the relation type found by typing `type`. */
export async function linkSpans(page: Page, source: string, target: string, type: string): Promise<void> {
  await selectSpan(page, source);
  await page.keyboard.press('r');
  await page.getByRole('dialog', { name: 'Link to another span' }).waitFor();
  await spansOn(page, target).click();
  await page.getByRole('combobox', { name: 'Filter relation types' }).fill(type);
  await page.keyboard.press('Enter');
}
