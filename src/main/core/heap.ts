/**
 * The core worker's young generation. With V8's default (16 MB semi-spaces) an import spent a third of its time in
 * scavenges: each parsed row's objects live just long enough to be copied once. 64 MB semi-spaces took a
 * 100,000-row .xlsx import from 8.3 to 4.4 s; 128 MB changed nothing more. V8's young generation is three
 * semi-spaces (two, plus as much again for large objects).
 */
export const CORE_SEMI_SPACE_MB = 64;
export const CORE_YOUNG_GENERATION_MB = 3 * CORE_SEMI_SPACE_MB;
