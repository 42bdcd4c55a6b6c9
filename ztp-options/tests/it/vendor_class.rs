//! [`ClassMatch`]: the class a DHCP server matches each vendor's request
//! with (G2 and each vendor's identity rule), proved against the requests
//! [`IdentityRepr`] writes: every identity is in its own class and in no
//! other vendor's.

use ztp_options::Family;
use ztp_options::v4::{self, OptionCode};
use ztp_options::vendor::{ClassError, ClassMatch, Condition, IdentityRepr, Phase, Test, Vendor};

/// One identity per vendor that has a verified request identity, as its
/// switch sends it in `family`, with the model its model class names.
fn fleet(family: Family) -> Vec<(IdentityRepr, Option<&'static str>)> {
    let v4 = family == Family::V4;
    let mac = [0x02, 0, 0, 0, 0, 0x42];
    let mut out = vec![
        (
            IdentityRepr::new(Vendor::Juniper)
                .with_model("qfx10002-36q")
                .with_serial("DN817"),
            Some("qfx10002-36q"),
        ),
        (
            IdentityRepr::new(Vendor::CiscoIosXr)
                .with_model("NCS-5508")
                .with_serial("FOC1947R143")
                .with_phase(Phase::ExrConfig),
            Some("NCS-5508"),
        ),
    ];
    if v4 {
        out.extend([
            (
                IdentityRepr::new(Vendor::Arista)
                    .with_model("DCS-7050S-64")
                    .with_version("4.28.0F")
                    .with_serial("JPE12345678"),
                Some("DCS-7050S-64"),
            ),
            (
                IdentityRepr::new(Vendor::CiscoIosXe)
                    .with_model("C9200CX-8P-2X2G")
                    .with_serial("FOC2418L0XX"),
                Some("C9200CX-8P-2X2G"),
            ),
            (
                IdentityRepr::new(Vendor::CiscoPnp).with_model("C9300-48P"),
                Some("C9300-48P"),
            ),
            (
                IdentityRepr::new(Vendor::CiscoNxos).with_serial("SAL12345678"),
                None,
            ),
            (
                IdentityRepr::new(Vendor::Sonic)
                    .with_model("7712-32X-O-AC-F")
                    .with_serial("771232X1941045"),
                Some("7712-32X-O-AC-F"),
            ),
            (
                IdentityRepr::new(Vendor::Cumulus).with_detail_arch("x86_64"),
                None,
            ),
            (
                IdentityRepr::new(Vendor::DellOs9)
                    .with_model("Z9000")
                    .with_serial("CN0123")
                    .with_version("9.14"),
                Some("Z9000"),
            ),
        ]);
    } else {
        out.extend([
            (IdentityRepr::new(Vendor::CiscoNxos).with_mac(mac), None),
            (IdentityRepr::new(Vendor::Sonic).with_mac(mac), None),
            (
                IdentityRepr::new(Vendor::Nvos)
                    .with_model("MQM9700")
                    .with_serial("MT2315X0001")
                    .with_mac(mac),
                Some("MQM9700"),
            ),
        ]);
        out[0].0.mac = Some(mac);
    }
    out
}

fn matches(class: &ClassMatch, id: &IdentityRepr) -> bool {
    match class.family {
        Family::V4 => class.matches_v4(&id.to_v4_options().unwrap()),
        Family::V6 => class.matches_v6(&id.to_v6_options().unwrap()),
    }
}

/// IOS-XE and PnP send the same bytes (CP1): each is in the other's class.
fn same_bytes(a: Vendor, b: Vendor) -> bool {
    let cisco = |v| matches!(v, Vendor::CiscoIosXe | Vendor::CiscoPnp);
    a == b || (cisco(a) && cisco(b))
}

fn every_identity_in_its_class_only(family: Family) {
    let fleet = fleet(family);
    for (id, model) in &fleet {
        let class = ClassMatch::new(family, id.vendor, None).unwrap();
        let model_class = model.map(|m| ClassMatch::new(family, id.vendor, Some(m)).unwrap());
        assert!(
            matches(&class, id),
            "{} not in its class {class:?}",
            id.vendor
        );
        if let Some(mc) = &model_class {
            assert!(
                matches(mc, id),
                "{} not in its model class {mc:?}",
                id.vendor
            );
        }
        for (other, _) in &fleet {
            if !same_bytes(id.vendor, other.vendor) {
                assert!(
                    !matches(&class, other),
                    "{} is in the class of {}",
                    other.vendor,
                    id.vendor
                );
            }
            if let Some(mc) = &model_class {
                if other.vendor != id.vendor && !same_bytes(id.vendor, other.vendor)
                    || other.model != id.model
                {
                    assert!(!matches(mc, other), "{other:?} is in {mc:?}");
                }
            }
        }
    }
}

#[test]
fn g2_every_v4_identity_in_its_class_and_no_other() {
    every_identity_in_its_class_only(Family::V4);
}

#[test]
fn g2_every_v6_identity_in_its_class_and_no_other() {
    every_identity_in_its_class_only(Family::V6);
}

#[test]
fn g2_arista_prefix_class() {
    let c = ClassMatch::v4(Vendor::Arista, None).unwrap();
    assert_eq!(
        c.conditions,
        vec![Condition::new(60, Test::Prefix(b"Arista;".to_vec()))]
    );
    let m = ClassMatch::v4(Vendor::Arista, Some("DCS-7050S-64")).unwrap();
    assert_eq!(
        m.conditions[0].test,
        Test::Prefix(b"Arista;DCS-7050S-64;".to_vec())
    );
    // A1: the `;` is part of the form; "Arista" alone is not Arista's.
    assert!(!Test::Prefix(b"Arista;".to_vec()).matches(b"AristaNetworks"));
}

#[test]
fn r6_juniper_prefix_and_model_class() {
    let m = ClassMatch::v4(Vendor::Juniper, Some("ex4300-48t")).unwrap();
    assert_eq!(
        m.conditions[0].test,
        Test::Prefix(b"Juniper-ex4300-48t-".to_vec())
    );
    let id = IdentityRepr::new(Vendor::Juniper)
        .with_model("ex4300-48p")
        .with_serial("PE3714");
    assert!(!m.matches_v4(&id.to_v4_options().unwrap()));
    // v6: enterprise 2636, then the item's data (after its length) at 6.
    let v6 = ClassMatch::v6(Vendor::Juniper, None).unwrap();
    assert_eq!(
        v6.conditions,
        vec![
            Condition::new(16, Test::Prefix(vec![0, 0, 0x0a, 0x4c])),
            Condition::new(
                16,
                Test::At {
                    offset: 6,
                    value: b"Juniper-".to_vec()
                }
            ),
        ]
    );
}

#[test]
fn cx1_cp1_ciscopnp_exact_and_pid_in_124() {
    let m = ClassMatch::v4(Vendor::CiscoIosXe, Some("C9200CX-8P-2X2G")).unwrap();
    assert_eq!(
        m.conditions,
        vec![
            Condition::new(60, Test::Exact(b"ciscopnp".to_vec())),
            Condition::new(
                124,
                Test::Exact(b"\x00\x00\x00\x09\x10\x0fC9200CX-8P-2X2G".to_vec())
            ),
        ]
    );
    assert_eq!(
        ClassMatch::v6(Vendor::CiscoPnp, None),
        Err(ClassError::NotInFamily {
            vendor: Vendor::CiscoPnp,
            family: Family::V6
        })
    );
}

#[test]
fn cn1_nxos_user_class_framed_and_no_model() {
    let c = ClassMatch::v4(Vendor::CiscoNxos, None).unwrap();
    assert_eq!(
        c.conditions[0],
        Condition::new(77, Test::Exact(b"\x0aCisco-POAP".to_vec()))
    );
    let c6 = ClassMatch::v6(Vendor::CiscoNxos, None).unwrap();
    assert_eq!(
        c6.conditions[0],
        Condition::new(15, Test::Exact(b"\x00\x0aCisco-POAP".to_vec()))
    );
    assert_eq!(
        ClassMatch::v4(Vendor::CiscoNxos, Some("N9K-C93180YC-EX")),
        Err(ClassError::NoModelInIdentity {
            vendor: Vendor::CiscoNxos,
            rule: "CN1"
        })
    );
}

#[test]
fn cr1_cr3_iosxr_ztp_phase_only() {
    let c = ClassMatch::v4(Vendor::CiscoIosXr, Some("NCS-5508")).unwrap();
    assert_eq!(
        c.conditions,
        vec![
            Condition::new(77, Test::Exact(b"exr-config".to_vec())),
            Condition::new(60, Test::Suffix(b":PID:NCS-5508".to_vec())),
        ]
    );
    // CR3: the iPXE phase wants an image, not the ZTP options.
    let ipxe = IdentityRepr::new(Vendor::CiscoIosXr)
        .with_model("NCS-5508")
        .with_serial("FOC1947R143")
        .with_phase(Phase::Ipxe);
    assert!(!c.matches_v4(&ipxe.to_v4_options().unwrap()));
    assert!(
        !ClassMatch::v6(Vendor::CiscoIosXr, None)
            .unwrap()
            .matches_v6(&ipxe.to_v6_options().unwrap())
    );
    // Another PID is another model.
    let other = ClassMatch::v6(Vendor::CiscoIosXr, Some("NCS-5501")).unwrap();
    let xr = ipxe.with_phase(Phase::ExrConfig);
    assert!(!other.matches_v6(&xr.to_v6_options().unwrap()));
    assert!(
        ClassMatch::v6(Vendor::CiscoIosXr, Some("NCS-5508"))
            .unwrap()
            .matches_v6(&xr.to_v6_options().unwrap())
    );
}

#[test]
fn s1_sonic_user_class_and_model_in_61() {
    let c = ClassMatch::v4(Vendor::Sonic, Some("7712-32X-O-AC-F")).unwrap();
    assert_eq!(
        c.conditions,
        vec![
            Condition::new(77, Test::Exact(b"\x09SONiC-ZTP".to_vec())),
            Condition::new(61, Test::Prefix(b"SONiC##7712-32X-O-AC-F##".to_vec())),
        ]
    );
    // S1: a DISCOVER may lack 61; the vendor class still matches it.
    let no61 = IdentityRepr::new(Vendor::Sonic).to_v4_options().unwrap();
    assert!(
        ClassMatch::v4(Vendor::Sonic, None)
            .unwrap()
            .matches_v4(&no61)
    );
    assert!(!c.matches_v4(&no61));
    assert!(matches!(
        ClassMatch::v4(Vendor::Sonic, Some("a##b")),
        Err(ClassError::BadModel { .. })
    ));
}

#[test]
fn cu1_cu8_cumulus_v4_nvos_v6() {
    let c = ClassMatch::v4(Vendor::Cumulus, None).unwrap();
    assert_eq!(
        c.conditions[0],
        Condition::new(60, Test::Prefix(b"cumulus-linux ".to_vec()))
    );
    assert!(matches!(
        ClassMatch::v4(Vendor::Cumulus, Some("SN2410")),
        Err(ClassError::NoModelInIdentity { .. })
    ));
    assert!(matches!(
        ClassMatch::v6(Vendor::Cumulus, None),
        Err(ClassError::NotInFamily { .. })
    ));
    assert!(matches!(
        ClassMatch::v4(Vendor::Nvos, None),
        Err(ClassError::NotInFamily { .. })
    ));
    let n = ClassMatch::v6(Vendor::Nvos, Some("MQM9700")).unwrap();
    assert_eq!(
        n.conditions[0].test,
        Test::Prefix(33049u32.to_be_bytes().to_vec())
    );
}

#[test]
fn d6_dell_os9_prefix_and_model() {
    let c = ClassMatch::v4(Vendor::DellOs9, Some("Z9000")).unwrap();
    assert_eq!(
        c.conditions[0].test,
        Test::Prefix(b"TY=DELLNTW-Z9000 ".to_vec())
    );
    let s4810 = IdentityRepr::new(Vendor::DellOs9)
        .with_model("S4810")
        .with_serial("X1");
    assert!(!c.matches_v4(&s4810.to_v4_options().unwrap()));
}

#[test]
fn d1_ar1_e1_n1_h1_a2_unverified_are_not_invented() {
    for (vendor, rule) in [
        (Vendor::DellOs10, "D1"),
        (Vendor::ArubaAosCx, "AR1"),
        (Vendor::ExtremeExos, "E1"),
        (Vendor::NokiaSrLinux, "N1"),
        (Vendor::HuaweiVrp, "H1"),
    ] {
        assert_eq!(
            ClassMatch::v4(vendor, None),
            Err(ClassError::Unverified { vendor, rule })
        );
        assert!(ClassMatch::v6(vendor, None).is_err());
    }
    assert_eq!(
        ClassMatch::v6(Vendor::Arista, None),
        Err(ClassError::Unverified {
            vendor: Vendor::Arista,
            rule: "A2"
        })
    );
    assert_eq!(
        ClassMatch::v6(Vendor::HuaweiVrp, None)
            .unwrap_err()
            .to_string(),
        "the request identity of huawei-vrp is unverified (H1): match it by mac address or a class you name"
    );
}

#[test]
fn user_class_checked_and_matched() {
    assert_eq!(
        ClassMatch::user(Family::V4, Vendor::DellOs10, vec![]),
        Err(ClassError::NoCondition)
    );
    assert_eq!(
        ClassMatch::user(
            Family::V4,
            Vendor::DellOs10,
            vec![Condition::new(300, Test::Exact(b"x".to_vec()))]
        ),
        Err(ClassError::BadCondition { option: 300 })
    );
    assert_eq!(
        ClassMatch::user(
            Family::V4,
            Vendor::DellOs10,
            vec![Condition::new(60, Test::Prefix(vec![]))]
        ),
        Err(ClassError::BadCondition { option: 60 })
    );
    let c = ClassMatch::user(
        Family::V4,
        Vendor::ExtremeExos,
        vec![Condition::new(60, Test::Suffix(b"-exos".to_vec()))],
    )
    .unwrap();
    let mut req = v4::OptionSet::new();
    req.insert(OptionCode::VENDOR_CLASS, b"x440-g2-exos".to_vec())
        .unwrap();
    assert!(c.matches_v4(&req));
    // A DHCPv4 class never matches a DHCPv6 request.
    assert!(!c.matches_v6(&ztp_options::v6::OptionSet::new()));
}
