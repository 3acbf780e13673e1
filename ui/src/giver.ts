// Who gives the massage (seed 002: "bisa dibantu pijat oleh ayah atau nenek").
import type { Giver } from './api';

/** The choices, in the order screens show them; the father first. */
export const GIVERS: readonly Giver[] = ['father', 'grandmother', 'other-family'];

/** The message id of a giver's name ("Ayah", "Nenek", ...). */
export const giverLabelId = (giver: Giver): string => `giver-${giver}`;
