/** Decimal SI multipliers (GB is 1e9 bytes, not GiB) used only as constants in arithmetic. */
export const KILO = 1e3;
export const MEGA = 1e6;
export const GIGA = 1e9;
export const TERA = 1e12;
export const PETA = 1e15;

export const KB = KILO;
export const MB = MEGA;
export const GB = GIGA;
export const TB = TERA;
/** Binary gibibyte, for memory sizes that vendors state in GiB. */
export const GIB = 1024 ** 3;

/** Bits per second to bytes per second: 400 Gb/s InfiniBand is 50e9 bytes/s. */
export const GBIT_PER_SECOND_IN_BYTES = GIGA / 8;

export const MICROSECOND = 1e-6;
export const MILLISECOND = 1e-3;
export const SECONDS_PER_HOUR = 3600;
export const JOULES_PER_KWH = 3.6e6;
