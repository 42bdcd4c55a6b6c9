//! Extreme EXOS (E4): the kind comes from the file name's extension
//! (case-insensitive, a choice): `.cfg` configuration, `.xsf` and `.py`
//! scripts, `.pol` policy, `.xos` image, `.xmod` module; any other is unknown.

use super::{Ext, FileKind, Image, Language, Note, Vendor, VendorScript, VendorSniff};
use crate::{ConfigFormat, Error};

/// E4: the kind by extension; the content is not read.
pub(super) fn decide(_head: &[u8], ext: Ext) -> Result<VendorSniff<'_>, Error> {
    let script = |language| {
        FileKind::Script(VendorScript {
            language,
            shebang: None,
        })
    };
    let kind = match ext {
        Ext::Cfg => FileKind::Configuration(ConfigFormat::Cli),
        Ext::Xsf => script(Language::ExosCli),
        Ext::Py => script(Language::Python),
        Ext::Pol => FileKind::Configuration(ConfigFormat::Policy),
        Ext::Xos => FileKind::Image(Image::ExosImage),
        Ext::Xmod => FileKind::Image(Image::ExosModule),
        Ext::Ini | Ext::Other | Ext::NoName => FileKind::Unknown,
    };
    let mut found = VendorSniff::new(Vendor::ExtremeExos, kind);
    if ext == Ext::NoName {
        found.notes.insert(Note::NoFileName);
    }
    Ok(found)
}
