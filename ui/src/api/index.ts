// One typed function per Tauri command, grouped by concern; import from here.
export { Channel } from '@tauri-apps/api/core';
export * from './app';
export * from './session';
export * from './followUp';
export * from './feeding';
export * from './cadre';
export * from './learning';
export * from './report';
export * from './transfer';
export * from './data';
export * from './posko';
export * from './server';
// The types commands take and return, generated from the Rust ones.
export type * from './types.gen';
// The value lists and limits the Rust side decides, generated from it.
export * from './values.gen';
