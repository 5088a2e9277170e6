// The version of redis the image carries (the official image's 7.0.15): server, INFO and redis-cli.
export const REDIS_VERSION = '7.0.15';
