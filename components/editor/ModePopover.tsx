'use client';

import { layerOf, shortQuote, type Catalog } from '@/lib/editor/catalog';
import { relationsOfSpan, type DocState } from '@/lib/editor/model';
import type { SchemaLabel } from '@/lib/editor/schema';
import type { OffsetIndex } from '@/lib/offsets';
import type { ReactNode } from 'react';
import { ConfirmDelete } from './ConfirmDelete';
import { LabelPicker } from './LabelPicker';
import { LinkChooser } from './LinkChooser';
import { NoteEditor } from './NoteEditor';
import { Popover } from './Popover';
import { SpanActions } from './SpanActions';
import { TargetChooser } from './TargetChooser';
import type { Anchor } from './TextView';
import type { Mode } from './mode';
import type { Interaction } from './useInteraction';

interface ModePopoverProps {
  interaction: Interaction;
  anchor: Anchor | null;
  labels: readonly SchemaLabel[];
  catalog: Catalog;
  view: DocState;
  text: OffsetIndex;
  readOnly: boolean;
}

/** The popover of the current mode, next to what it is about: label picker, stance target, span actions, note, delete confirmation, link chooser. */
export function ModePopover(props: ModePopoverProps) {
  const { interaction: it, anchor } = props;
  if (!anchor || it.mode.kind === 'idle') return null;
  const { label, key, content } = popoverOf(props, it.mode);
  return (
    <Popover key={key} anchor={anchor} label={label} onDismiss={it.dismiss}>
      {content}
    </Popover>
  );
}

/** The accessible name and content of a mode's popover; keyed only where a new subject must start it afresh. */
function popoverOf(
  { interaction: it, labels, catalog, view, text, readOnly }: ModePopoverProps,
  mode: Exclude<Mode, { kind: 'idle' }>,
): { label: string; key?: string; content: ReactNode } {
  // What the choosers and span actions name spans with.
  const named = { catalog, spans: view.spans };
  switch (mode.kind) {
    case 'label': {
      const { subject } = mode;
      const span = 'spanKey' in subject ? view.spans.get(subject.spanKey) : undefined;
      const quote = 'range' in subject ? text.slice(subject.range.start, subject.range.end) : (span?.quote ?? '');
      return {
        label: 'Choose a label',
        // Keyed so that the filter gets focus again when the picker opens for another span.
        key: 'range' in subject ? 'new' : subject.spanKey,
        content: (
          <LabelPicker
            labels={labels}
            title={`${span ? 'Change label of' : 'Label'} “${shortQuote(quote, 50)}”`}
            filter={it.filter}
            onChoose={(label) => it.chooseLabel(subject, label)}
            onCancel={it.cancel}
            inputRef={it.pickerInput}
            autoFocus={mode.typing}
          />
        ),
      };
    }
    case 'target':
      return {
        label: 'Choose a stance target',
        content: (
          <TargetChooser
            {...named}
            title={`${catalog.labels.get(mode.labelId)?.name ?? 'Stance'} towards…`}
            onChoose={(target) => it.finishLabel(mode.subject, mode.labelId, target)}
            onCancel={it.cancel}
          />
        ),
      };
    case 'span': {
      const span = view.spans.get(mode.spanKey)!;
      return {
        label: 'Selected span',
        content: (
          <SpanActions
            {...named}
            span={span}
            isStance={layerOf(catalog, span) === 'STANCE'}
            readOnly={readOnly}
            onRelabel={() => it.relabel(span.key, true)}
            onRetarget={() => it.retarget(span.key)}
            onLink={() => it.startLink(span.key)}
            onToggleUnsure={() => it.toggleUnsure(span.key)}
            onNote={() => it.editNote(span.key)}
            onDelete={() => it.remove(span.key)}
          />
        ),
      };
    }
    case 'note': {
      const span = view.spans.get(mode.spanKey)!;
      return {
        label: 'Note for the curators',
        content: <NoteEditor span={span} onSave={(note) => it.saveNote(span.key, note)} onCancel={it.cancel} />,
      };
    }
    case 'confirmDelete': {
      const span = view.spans.get(mode.spanKey)!;
      return {
        label: 'Delete span and its relations',
        content: (
          <ConfirmDelete span={span} relations={relationsOfSpan(view, span.key).length} onConfirm={() => it.confirmRemove(span.key)} onCancel={it.cancel} />
        ),
      };
    }
    case 'linkTarget':
    case 'linkType': {
      const source = view.spans.get(mode.sourceKey)!;
      const target = mode.kind === 'linkType' ? (view.spans.get(mode.targetKey) ?? null) : null;
      return {
        label: 'Link to another span',
        content: (
          <LinkChooser
            {...named}
            source={source}
            target={target}
            onTarget={(span) => it.chooseLinkTarget(source.key, span.key)}
            onType={(label) => target && it.link(source.key, target.key, label.id)}
            onCancel={it.cancel}
          />
        ),
      };
    }
  }
}
