//! From a provisioning plan to fetch URLs (work in progress).
