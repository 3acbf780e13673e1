// The posko Ayah ASI: the cadre's own, and the family's view with its questions.
import { invoke } from '@tauri-apps/api/core';
import type { FamilyPosko, Posko, PoskoInput } from './types.gen';

export const getFamilyPosko = (): Promise<FamilyPosko> => invoke('get_family_posko');
export const addPoskoQuestion = (question: string): Promise<FamilyPosko> => invoke('add_posko_question', { question });
export const getOwnPosko = (): Promise<Posko | null> => invoke('get_own_posko');
export const setOwnPosko = (input: PoskoInput): Promise<Posko> => invoke('set_own_posko', { input });
