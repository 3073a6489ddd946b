/** A LIKE pattern matching `text` anywhere, with its own % and _ taken literally. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
