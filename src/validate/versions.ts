/** KUBE_VERSIONS lists the supported Kubernetes minors, oldest first; the newest is the default. */
export const KUBE_VERSIONS = ['1.31', '1.32', '1.33', '1.34', '1.35'] as const;

/** DEFAULT_KUBE_VERSION is the newest supported minor. */
export const DEFAULT_KUBE_VERSION = '1.35';
