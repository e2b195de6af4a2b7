import type { Snippet } from '../../../protocol/workshop.ts';

/**
 * The exercise a run belongs to, named the same way by the attendee's page (which reports it)
 * and the host's grid (which titles its column): the snippet the host pushed, or the attendee's
 * own code before any snippet arrived.
 */
export const exerciseOfSnippet = (snippet: Pick<Snippet, 'id'> | null): string => (snippet ? `snippet-${snippet.id}` : 'own-code');
