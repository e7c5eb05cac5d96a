'use client';

import { layerOf, shortQuote, type Catalog } from '@/lib/editor/catalog';
import { relationsOfSpan, type DocState } from '@/lib/editor/model';
import type { SchemaLabel } from '@/lib/editor/schema';
import type { OffsetIndex } from '@/lib/offsets';
import { ConfirmDelete } from './ConfirmDelete';
import { LabelPicker } from './LabelPicker';
import { LinkChooser } from './LinkChooser';
import { NoteEditor } from './NoteEditor';
import { Popover } from './Popover';
import { SpanActions } from './SpanActions';
import { TargetChooser } from './TargetChooser';
import type { Anchor } from './TextView';
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
export function ModePopover({ interaction: it, anchor, labels, catalog, view, text, readOnly }: ModePopoverProps) {
  const { mode } = it;
  if (!anchor || mode.kind === 'idle') return null;
  switch (mode.kind) {
    case 'label': {
      const { subject } = mode;
      const span = 'spanKey' in subject ? view.spans.get(subject.spanKey) : undefined;
      const quote = 'range' in subject ? text.slice(subject.range.start, subject.range.end) : (span?.quote ?? '');
      return (
        // Keyed so that the filter gets focus again when the picker opens for another span.
        <Popover key={'range' in subject ? 'new' : subject.spanKey} anchor={anchor} label="Choose a label" onDismiss={it.dismiss}>
          <LabelPicker
            labels={labels}
            title={`${span ? 'Change label of' : 'Label'} “${shortQuote(quote, 50)}”`}
            layer={it.pickerLayer}
            onLayerChange={it.setPickerLayer}
            query={it.query}
            onQueryChange={it.setQuery}
            onChoose={(label) => it.chooseLabel(subject, label)}
            onCancel={it.cancel}
            inputRef={it.pickerInput}
            autoFocus={mode.typing}
          />
        </Popover>
      );
    }
    case 'target':
      return (
        <Popover anchor={anchor} label="Choose a stance target" onDismiss={it.dismiss}>
          <TargetChooser
            catalog={catalog}
            spans={view.spans}
            title={`${catalog.labels.get(mode.labelId)?.name ?? 'Stance'} towards…`}
            onChoose={(target) => it.finishLabel(mode.subject, mode.labelId, target)}
            onCancel={it.cancel}
          />
        </Popover>
      );
    case 'span': {
      const span = view.spans.get(mode.spanKey)!;
      return (
        <Popover anchor={anchor} label="Selected span" onDismiss={it.dismiss}>
          <SpanActions
            catalog={catalog}
            spans={view.spans}
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
        </Popover>
      );
    }
    case 'note': {
      const span = view.spans.get(mode.spanKey)!;
      return (
        <Popover anchor={anchor} label="Note for the curators" onDismiss={it.dismiss}>
          <NoteEditor span={span} onSave={(note) => it.saveNote(span.key, note)} onCancel={it.cancel} />
        </Popover>
      );
    }
    case 'confirmDelete': {
      const span = view.spans.get(mode.spanKey)!;
      return (
        <Popover anchor={anchor} label="Delete span and its relations" onDismiss={it.dismiss}>
          <ConfirmDelete span={span} relations={relationsOfSpan(view, span.key).length} onConfirm={() => it.confirmRemove(span.key)} onCancel={it.cancel} />
        </Popover>
      );
    }
    case 'linkTarget':
    case 'linkType': {
      const source = view.spans.get(mode.sourceKey)!;
      const target = mode.kind === 'linkType' ? (view.spans.get(mode.targetKey) ?? null) : null;
      return (
        <Popover anchor={anchor} label="Link to another span" onDismiss={it.dismiss}>
          <LinkChooser
            catalog={catalog}
            spans={view.spans}
            source={source}
            target={target}
            onTarget={(span) => it.chooseLinkTarget(source.key, span.key)}
            onType={(label) => target && it.link(source.key, target.key, label.id)}
            onCancel={it.cancel}
          />
        </Popover>
      );
    }
  }
}
