import { Parser } from 'htmlparser2';
import type { ImportedDocument, ImportSource } from '../types';
import { newDocument } from './document';
import { baseName, rawTextLines } from './input';

/**
 * HTML → the readable text, one document per file:
 * - Elements that hold no readable text (script, style, noscript, template, iframe, svg, head)
 *   are dropped with their content; `<title>` becomes `metadata.title`.
 * - The text is a sequence of blocks separated by one blank line. Block elements (p, div,
 *   headings, list items, table rows, blockquote, pre, section, …) and `<br>` end the current
 *   block, so a document never has single line breaks outside `<pre>`; empty blocks vanish.
 * - Inside a block, runs of HTML whitespace (space, tab, CR, LF, FF) collapse to one space and
 *   are trimmed at the block's ends, as a browser renders them; U+00A0 is not HTML whitespace
 *   and stays. Table cells are separated by a space.
 * - `<pre>` keeps its whitespace exactly, except the newline right after `<pre>` (which HTML
 *   ignores) and trailing line breaks; block elements inside it do not break it.
 * - Entities are decoded. Links, images and other markup contribute only their text.
 */

const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'head']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
const CELLS = new Set(['td', 'th']);
const HTML_WHITESPACE = /[ \t\n\f\r]+/g;

export async function* parseHtml(source: ImportSource): AsyncGenerator<ImportedDocument> {
  const extractor = new TextExtractor();
  const parser = new Parser(extractor.handler);
  for await (const { text } of rawTextLines(source)) parser.write(text);
  parser.end();
  extractor.endBlock();
  const title = collapse(extractor.title);
  yield newDocument(baseName(source.name), extractor.blocks.join('\n\n'), { file: source.name }, title === '' ? {} : { title });
}

class TextExtractor {
  readonly blocks: string[] = [];
  title = '';
  private current = '';
  /** Open elements inside (and including) the outermost dropped one. */
  private readonly dropped: string[] = [];
  private preDepth = 0;
  private inTitle = false;
  private titleSeen = false;

  readonly handler = {
    onopentag: (name: string) => {
      // Only the document's own title: one in <head> or the body, not an SVG's.
      if (name === 'title' && !this.titleSeen && (this.dropped.length === 0 || (this.dropped.length === 1 && this.dropped[0] === 'head'))) {
        this.inTitle = this.titleSeen = true;
      }
      if (this.dropped.length > 0 || DROPPED.has(name)) {
        this.dropped.push(name);
        return;
      }
      if (name === 'pre') this.openPre();
      else if (BLOCKS.has(name)) this.endBlock();
      else if (CELLS.has(name)) this.current += ' ';
    },
    onclosetag: (name: string) => {
      if (name === 'title') this.inTitle = false;
      if (this.dropped.length > 0) {
        this.dropped.pop();
        return;
      }
      if (name === 'pre') this.closePre();
      else if (BLOCKS.has(name)) this.endBlock();
    },
    ontext: (data: string) => {
      if (this.inTitle) this.title += data;
      else if (this.dropped.length === 0) this.current += data;
    },
  };

  private openPre(): void {
    if (this.preDepth === 0) this.endBlock();
    this.preDepth++;
  }

  private closePre(): void {
    if (--this.preDepth > 0) return;
    const text = this.current.replace(/^\r?\n/, '').replace(/[\r\n]+$/, '');
    if (text.trim() !== '') this.blocks.push(text);
    this.current = '';
  }

  /** Also called once at the end, for text that no block element closed. */
  endBlock(): void {
    if (this.preDepth > 0) return;
    const text = collapse(this.current);
    if (text !== '') this.blocks.push(text);
    this.current = '';
  }
}

function collapse(text: string): string {
  return text.replace(HTML_WHITESPACE, ' ').replace(/^ | $/g, '');
}
