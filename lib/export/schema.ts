import type { DbClient } from '@/lib/db/client';
import type { ExportSchema } from '@/lib/formats/model';

/**
 * The project's label schema in the export model. Retired labels and targets stay in, flagged:
 * existing annotations may still use them, and Hugging Face class ids must not shift when a
 * label is retired, so labels keep their schema order whatever their state.
 */
export async function loadExportSchema(db: DbClient, projectId: string): Promise<ExportSchema> {
  const [labels, targets] = await Promise.all([
    db.label.findMany({ where: { projectId }, orderBy: [{ position: 'asc' }, { key: 'asc' }] }),
    db.target.findMany({ where: { projectId }, orderBy: [{ position: 'asc' }, { key: 'asc' }] }),
  ]);
  return {
    labels: labels.map((label) => ({
      key: label.key,
      name: label.name,
      layer: label.layer,
      ...(label.description && { description: label.description }),
      color: label.color,
      ...(label.retired && { retired: true }),
      ...(label.layer === 'RELATION' && { sourceTypes: label.sourceTypes, targetTypes: label.targetTypes }),
      ...(label.layer === 'DOCUMENT' && { options: label.options as { key: string; name: string }[], multiple: label.multiple, perTarget: label.perTarget }),
    })),
    targets: targets.map((target) => ({ key: target.key, name: target.name, aliases: target.aliases, ...(target.retired && { retired: true }) })),
  };
}
