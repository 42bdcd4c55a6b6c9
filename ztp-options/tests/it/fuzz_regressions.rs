//! Inputs the fuzz targets (`fuzz/`) found, reduced to the property that
//! failed. The crash inputs themselves are in `fuzz/corpus/<target>/`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use crate::common;

use common::{opt, reply};
use ztp_options::v4::{Lease, Option43};
use ztp_options::{RawSuboption, VendorInfo, resolve_v4};

/// fuzz target `v4_message`, crash-3a83c3b4: an option 43 with an unknown
/// suboption repeated (110 twice) resolved, but the plan could not be
/// encoded (`DuplicateSuboption`). Unknown suboptions are kept, in order,
/// and re-encoded unchanged (SPEC, suboption table), repeats included.
#[test]
fn repeated_unknown_suboption_is_re_encoded_unchanged() {
    let o43 = [opt(1, b"jn.conf"), opt(110, b"a"), opt(110, b"b")].concat();
    let msg = reply(&[opt(43, &o43), opt(150, &[192, 0, 2, 10]), vec![255]].concat());
    let lease = Lease::parse(&msg).unwrap();
    let plan = resolve_v4(&lease).unwrap();
    assert_eq!(
        plan.unknown_suboptions.iter().collect::<Vec<_>>(),
        [(110, &b"a"[..]), (110, &b"b"[..])]
    );
    assert_eq!(
        plan.unknown_suboptions.to_vec(),
        vec![
            RawSuboption {
                code: 110,
                value: b"a".to_vec()
            },
            RawSuboption {
                code: 110,
                value: b"b".to_vec()
            },
        ]
    );
    let mut options = Vec::new();
    plan.to_v4_options().unwrap().put(&mut options).unwrap();
    let msg = reply(&options);
    let lease = Lease::parse(&msg).unwrap();
    let again = resolve_v4(&lease).unwrap();
    assert_eq!(again, plan);
    // And the owned plan keeps them too.
    assert_eq!(
        plan.to_buf().unknown_suboptions,
        plan.unknown_suboptions.to_vec()
    );

    // The owned form of option 43 alone, likewise.
    let info = Option43::new_checked(&o43)
        .unwrap()
        .to_vendor_info()
        .unwrap();
    let mut bytes = vec![0; info.buffer_len_v4().unwrap()];
    info.emit_v4(&mut bytes).unwrap();
    assert_eq!(bytes, o43);
    // A known code among the unknown ones is still refused.
    let info = VendorInfo {
        unknown: vec![RawSuboption {
            code: 3,
            value: vec![],
        }],
        ..VendorInfo::default()
    };
    assert!(info.buffer_len_v4().is_err());
}
