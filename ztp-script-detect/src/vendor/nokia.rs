//! Nokia SR Linux (N4): the file is a Python provisioning script (a choice:
//! the documentation shows no `#!` line, so none is required).

use super::{Vendor, VendorSniff, python};
use crate::Error;

/// N4: Python; a `#!` line naming another language gets a note.
pub(super) fn decide(head: &[u8]) -> Result<VendorSniff<'_>, Error> {
    python(Vendor::NokiaSrLinux, head)
}
