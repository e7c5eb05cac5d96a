/**
 * Fired on window when the caller submits or reopens a document in the editor, so what shows
 * their queue outside the editor (QueueNav) reads it again.
 */
export const ASSIGNMENT_CHANGED = 'glossa:assignment-changed';
