// Who gives the massage (seed 002: "bisa dibantu pijat oleh ayah atau nenek").
import { GIVERS, type Giver } from './api';

/** The choices, in the order screens show them (the Rust side's): the father first. */
export { GIVERS };

/** The message id of a giver's name ("Ayah", "Nenek", ...). */
export const giverLabelId = (giver: Giver): string => `giver-${giver}`;
