/** Words for a code's status and its history, shared by the codebook's pages. */
export const CODE_STATUS_LABELS: Record<string, string> = { active: 'In use', retired: 'Retired', merged: 'Merged' };

export function codeEventText(kind: string, details: Record<string, unknown>): string {
  const name = typeof details.name === 'string' ? details.name : 'another code';
  switch (kind) {
    case 'created':
      return typeof details.fromTheme === 'string' ? `Made from an emerging theme (${details.fromTheme})` : 'Added';
    case 'renamed':
      return `Renamed from “${String(details.from)}” to “${String(details.to)}”`;
    case 'retired':
      return 'Retired';
    case 'reinstated':
      return 'Brought back into use';
    case 'merged-into':
      return `Merged into ${name}`;
    case 'merged-from':
      return `${name} was merged into it${typeof details.excerpts === 'number' ? ` (${details.excerpts} excerpts moved)` : ''}`;
    default:
      return kind;
  }
}

/** A code as a choice in a select: indented by its depth in the tree. */
export function codeOption(code: { id: string; name: string; depth: number }): { value: string; label: string } {
  return { value: code.id, label: `${'— '.repeat(code.depth)}${code.name}` };
}

export const TOP_LEVEL_OPTION = { value: '', label: 'None: a top-level code' };
