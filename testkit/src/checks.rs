//! One check per fuzz target. Each takes the fuzzer's bytes, must not panic
//! on any input, and asserts the properties of its entry point (a panic is
//! a finding).
//!
//! The fuzz crate's targets call them (`fuzz/fuzz_targets/*.rs`), and this
//! crate's test `tests/fuzz_corpus_replay.rs` runs [`TARGETS`] over every
//! file of `fuzz/corpus/<target>/` on stable Rust.
//!
//! Known differences with dhcproto, checked rather than hidden, are
//! described on [`v4_dhcproto_diff`].
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use arbitrary::{Arbitrary, Unstructured};
use ztp_fetch_url::{HTTP_URL_LIMIT, Target, TargetKind, UrlOrigin, fetch_plan, split_port_suffix};
use ztp_options::sztp::{self, BootstrapServerBuf, Redirect};
use ztp_options::v4::{self, Area, Message, MessageRepr, Option43};
use ztp_options::v6::{self, BootFileUrl, VendorOpts};
use ztp_options::{
    DecisionKind, Family, Place, PlanBuf, Port, TransferMode, VendorInfo, resolve_v4, resolve_v6,
};
use ztp_script_detect::{PREFIX_MAX, Sniff, Sniffer, Status, sniff as sniff_whole};

/// A check: the fuzzer's bytes in, a panic on a finding.
pub type Check = fn(&[u8]);

/// Every target: its name (the directory of its corpus, the name of its
/// `fuzz_targets/*.rs`) and its check.
pub const TARGETS: &[(&str, Check)] = &[
    ("v4_message", v4_message),
    ("v4_option43", v4_option43),
    ("v6_message", v6_message),
    ("v6_option17", v6_option17),
    ("v6_option59", v6_option59),
    ("sztp_redirect", sztp_redirect),
    ("sniff", sniff),
    ("plan_v4", plan_v4),
    ("plan_v6", plan_v6),
    ("v4_dhcproto_diff", v4_dhcproto_diff),
    ("v6_dhcproto_diff", v6_dhcproto_diff),
    ("fetch_url", fetch_url),
    ("cli_input", cli_input),
    ("explain", explain),
    ("agent_events", agent_events),
    ("pnp_string", pnp_string),
    ("poap_items", poap_items),
    ("xr_items", xr_items),
    ("plain_tlv", plain_tlv),
    ("central_csv", central_csv),
    ("huawei_server", huawei_server),
    ("huawei_pairs", huawei_pairs),
    ("vendor_identity", vendor_identity),
    ("vendor_plans", vendor_plans),
    ("vendor_sniff", vendor_sniff),
    ("vendor_offers", vendor_offers),
    ("client_messages", client_messages),
];

// ---------------------------------------------------------------- helpers

/// The decisions the encoder does not re-create (documented in
/// `ztp-options/src/encode.rs`: wire quirks of the decoded lease, other
/// enterprises' option 17, bytes after option 43's end, malformed 7/42/12
/// or SZTP redirect left out, none of which a plan sends).
fn recreated(plan: &PlanBuf) -> PlanBuf {
    let mut plan = plan.clone();
    plan.log.retain(|e| {
        !matches!(
            e.kind,
            DecisionKind::TrailingNul
                | DecisionKind::SiaddrIgnored
                | DecisionKind::SnameIgnored
                | DecisionKind::FileIgnored
                | DecisionKind::OtherEnterprises
                | DecisionKind::BytesAfterEnd
                | DecisionKind::BytesAfterMessageEnd
                | DecisionKind::OptionLeftOut
                | DecisionKind::SztpRedirectLeftOut
        )
    });
    plan.ignored.after_end = None;
    // R2: the owned form does not keep the bytes after the message's end.
    plan.ignored.message_after_end = None;
    plan.ignored.log_servers_left_out = None;
    plan.ignored.ntp_servers_left_out = None;
    plan.ignored.host_name_left_out = None;
    plan.ignored.sztp_redirect_left_out = None;
    plan.ignored.siaddr = None;
    plan.ignored.sname = None;
    plan.ignored.file = None;
    plan.ignored.other_enterprises.clear();
    plan
}

/// Whether the encoder may refuse `plan`, and does so for the one
/// documented reason: an ignored suboption 04 that is not UTF-8 (kept as
/// it came; the owned suboptions hold text).
fn refused_alt_image(plan: &PlanBuf, e: &ztp_options::EncodeError) -> bool {
    let not_utf8 = plan
        .ignored
        .alt_image
        .as_deref()
        .is_some_and(|a| core::str::from_utf8(a).is_err());
    not_utf8
        && e.item().suboption_code() == Some(4)
        && matches!(
            e.kind(),
            ztp_options::EncodeErrorKind::BadText {
                kind: ztp_options::DecodeErrorKind::InvalidUtf8 { .. }
            }
        )
}

/// Encodes a DHCPv4 plan into a reply, decodes and resolves it; `None`
/// when the encoder refuses it for the documented reason.
fn v4_plan_again(plan: &PlanBuf) -> Option<PlanBuf> {
    let set = match plan.to_v4_options() {
        Ok(set) => set,
        Err(e) if refused_alt_image(plan, &e) => return None,
        Err(e) => panic!("a v4 plan encodes: {e}"),
    };
    let mut options = Vec::new();
    set.put(&mut options).unwrap();
    // Encoding into a caller's buffer of exactly buffer_len() bytes gives the
    // same bytes.
    let mut exact = vec![0; set.buffer_len()];
    assert_eq!(set.emit(&mut exact), Ok(options.len()));
    assert_eq!(exact, options);
    let msg = MessageRepr::reply(set).to_vec();
    let lease = v4::Lease::parse(&msg).expect("an encoded plan decodes");
    Some(
        resolve_v4(&lease)
            .expect("an encoded plan resolves")
            .to_buf(),
    )
}

/// Encodes a DHCPv6 plan into a reply, decodes and resolves it (see
/// [`v4_plan_again`]).
fn v6_plan_again(plan: &PlanBuf) -> Option<PlanBuf> {
    let set = match plan.to_v6_options() {
        Ok(set) => set,
        Err(e) if refused_alt_image(plan, &e) => return None,
        Err(e) => panic!("a v6 plan encodes: {e}"),
    };
    let msg = v6::MessageRepr::reply(set)
        .to_vec()
        .expect("a v6 plan fits");
    let lease = v6::Lease::parse(&msg).expect("an encoded plan decodes");
    Some(
        resolve_v6(&lease)
            .expect("an encoded plan resolves")
            .to_buf(),
    )
}

// ---------------------------------------------------------------- decoders

/// `v4::Message::new_checked`, its getters and option walk (overload, RFC
/// 3396), `v4::Lease::parse` and every accessor, `resolve_v4`; then
/// - decode -> encode -> decode is stable (`MessageRepr::parse`/`emit`);
/// - a resolved plan, encoded and resolved again, is the same plan (less the
///   decisions about wire quirks the encoder does not re-create).
pub fn v4_message(data: &[u8]) {
    let Ok(msg) = Message::new_checked(data) else {
        assert!(v4::Lease::parse(data).is_err());
        return;
    };
    let _ = (msg.op(), msg.htype(), msg.hlen(), msg.hops(), msg.xid());
    let _ = (msg.secs(), msg.flags(), msg.ciaddr(), msg.yiaddr());
    let _ = (
        msg.siaddr(),
        msg.giaddr(),
        msg.chaddr(),
        msg.client_hw_addr(),
    );
    let _ = (msg.sname(), msg.file(), msg.sname_field(), msg.file_field());
    let overload = msg.overload();
    let mut walk_ok = true;
    let mut count = 0usize;
    for opt in msg.options() {
        match opt {
            Ok(opt) => {
                count += 1;
                // Every value lies inside the message, after its code and length.
                let start = opt.offset + 2;
                assert_eq!(&data[start..start + opt.value.len()], opt.value);
                assert_ne!(opt.code.get(), 0);
                assert_ne!(opt.code.get(), 255);
            }
            Err(_) => walk_ok = false,
        }
    }
    assert!(count <= data.len() / 2);
    let lease = v4::Lease::parse(data);
    // The lease reads the same walk: it fails exactly when the walk does.
    assert_eq!(lease.is_ok(), walk_ok && overload.is_ok(), "{lease:?}");
    if let Ok(lease) = lease {
        let _ = lease.message_type();
        if let Ok(Some(o43)) = lease.option43() {
            let _ = o43.suboptions();
            if let Ok(info) = o43.to_vendor_info() {
                vendor_info_v4_roundtrip(&info, true);
            }
        }
        let _ = lease.suboptions();
        if let Ok(Some(list)) = lease.tftp_server_addresses() {
            assert!(!list.is_empty());
            assert_eq!(list.iter().count(), list.len());
            assert_eq!(list.iter().next(), Some(list.first()));
        }
        if let Ok(Some(name)) = lease.tftp_server_name() {
            let _ = name.address();
            let _ = name.text().as_str();
        }
        let _ = lease.log_servers().map(|l| l.map(|l| l.iter().count()));
        let _ = lease.ntp_servers().map(|l| l.map(|l| l.iter().count()));
        let _ = lease.host_name().map(|h| h.map(|h| h.as_str()));
        let _ = lease.vendor_class().map(|v| v.map(|v| v.serial_or(None)));
        let _ = lease.client_identifier().map(|c| c.map(|c| c.serial()));
        if let Ok(Some(v4::UserClass::Items(items))) = lease.user_class() {
            let _ = items.count();
        }
        let _ = (lease.siaddr(), lease.sname(), lease.file());
        if let Ok(plan) = resolve_v4(&lease) {
            for d in plan.decisions() {
                let _ = (d.rule(), d.kind().id(), d.to_string());
            }
            // R1: the bytes after option 43's end are logged at their
            // offset in the message, also for a joined option 43.
            if let Some(t) = plan.ignored.after_end {
                assert!(t.len > 0 && t.offset < data.len(), "{t:?}");
                assert_eq!(lease.option43_after_end(), Some(t));
            }
            let plan = plan.to_buf();
            assert_eq!(plan.as_plan().to_buf(), plan);
            let want = recreated(&plan);
            if let Some(again) = v4_plan_again(&plan) {
                assert_eq!(recreated(&again), want);
            }
        }
    }
    if let Ok(repr) = MessageRepr::parse(&msg) {
        let mut bytes = vec![0; repr.buffer_len()];
        assert_eq!(repr.emit(&mut bytes), Ok(bytes.len()));
        let again = MessageRepr::parse(&Message::new_checked(&bytes[..]).unwrap())
            .expect("what MessageRepr::emit writes decodes");
        assert_eq!(again, repr);
        let mut bytes2 = vec![0; again.buffer_len()];
        again.emit(&mut bytes2).unwrap();
        assert_eq!(bytes2, bytes);
    } else {
        assert!(!walk_ok || overload.is_err());
    }
}

/// `v4::Option43::new_checked`, its items and typed suboptions; the owned
/// form encodes and decodes to itself (decode -> encode -> decode).
pub fn v4_option43(data: &[u8]) {
    let checked = Option43::new_checked(data);
    let walk: Result<Vec<_>, _> = Option43::new_unchecked(data).items().collect();
    assert_eq!(checked.is_ok(), walk.is_ok());
    let Ok(o43) = checked else { return };
    let _ = o43.has_end();
    if let Ok(sub) = o43.suboptions() {
        let _ = (
            sub.image(),
            sub.config(),
            sub.image_type(),
            sub.has_image_type(),
        );
        let _ = (sub.transfer_mode(), sub.alt_image(), sub.port_or_server());
        let _ = (sub.proxy(), sub.unknown_count());
    }
    if let Ok(info) = o43.to_vendor_info() {
        vendor_info_v4_roundtrip(&info, true);
    }
}

/// `info` encodes into option 43 and decodes to itself; when it was
/// decoded from the wire, it must encode.
fn vendor_info_v4_roundtrip(info: &VendorInfo, from_wire: bool) {
    let len = match info.buffer_len_v4() {
        Ok(len) => len,
        Err(e) if from_wire => panic!("decoded option 43 does not encode: {e:?}"),
        Err(_) => return,
    };
    let mut bytes = vec![0; len];
    assert_eq!(info.emit_v4(&mut bytes), Ok(len));
    let again = Option43::new_checked(&bytes)
        .and_then(|o| o.to_vendor_info())
        .expect("what emit_v4 writes decodes");
    assert_eq!(&again, info);
}

/// `info` encodes into option 17 and decodes to itself; when it was
/// decoded from the wire, it must encode.
fn vendor_info_v6_roundtrip(info: &VendorInfo, from_wire: bool) {
    let len = match info.buffer_len_v6() {
        Ok(len) => len,
        Err(e) if from_wire => panic!("decoded option 17 does not encode: {e:?}"),
        Err(_) => return,
    };
    let mut bytes = vec![0; len];
    assert_eq!(info.emit_v6(&mut bytes), Ok(len));
    let again = VendorOpts::new_checked(&bytes)
        .and_then(|o| o.to_vendor_info())
        .expect("what emit_v6 writes decodes");
    assert_eq!(again.as_ref(), Some(info));
}

/// `v6::Message::new_checked`, relay unwrapping, the option walk,
/// `v6::Lease::parse` and every accessor, `resolve_v6`; a resolved plan,
/// encoded and resolved again, is the same plan (less wire quirks).
pub fn v6_message(data: &[u8]) {
    if let Ok(msg) = v6::Message::new_checked(data) {
        let _ = (msg.msg_type(), msg.transaction_id(), msg.relay_header());
        for opt in msg.options().flatten() {
            let _ = opt.place();
        }
        if let Ok(inner) = msg.innermost() {
            assert!(inner.depth() <= v6::MAX_RELAY_DEPTH);
            for opt in inner.instances(v6::OptionCode::VENDOR_OPTS) {
                let _ = opt.map(|o| o.value.len());
            }
        }
    }
    let Ok(lease) = v6::Lease::parse(data) else {
        return;
    };
    let _ = (
        lease.relay_depth(),
        lease.message_type(),
        lease.transaction_id(),
    );
    let _ = (lease.outer(), lease.message());
    if let Ok(Some(opts)) = lease.vendor_opts() {
        assert!(opts.is_juniper());
        if let Ok(Some(info)) = opts.to_vendor_info() {
            vendor_info_v6_roundtrip(&info, true);
        }
    }
    let _ = lease.suboptions();
    assert_eq!(
        lease.other_vendor_opts().count(),
        lease.other_vendor_count()
    );
    if let Ok(Some(url)) = lease.boot_file_url() {
        let _ = (
            ztp_fetch_url::boot_file_url(&url),
            url.to_repr(),
            url.image(),
            url.to_string(),
        );
    }
    if let Ok(Some(class)) = lease.vendor_class() {
        let _ = (class.enterprise(), class.is_juniper(), class.data().count());
    }
    if let Ok(Some(class)) = lease.user_class() {
        let _ = class.data().count();
    }
    if let Ok(plan) = resolve_v6(&lease) {
        assert_eq!(plan.family(), Family::V6);
        for d in plan.decisions() {
            let _ = (d.rule(), d.kind().id(), d.to_string());
        }
        let plan = plan.to_buf();
        assert_eq!(plan.as_plan().to_buf(), plan);
        let want = recreated(&plan);
        if let Some(again) = v6_plan_again(&plan) {
            assert_eq!(recreated(&again), want);
        }
    }
}

/// `v6::VendorOpts::new_checked` (option 17 alone), its items and
/// suboptions; the owned form encodes and decodes to itself.
pub fn v6_option17(data: &[u8]) {
    let checked = VendorOpts::new_checked(data);
    let walk: Result<Vec<_>, _> = VendorOpts::new_unchecked(data).items().collect();
    assert_eq!(checked.is_ok(), walk.is_ok());
    let Ok(opts) = checked else { return };
    let _ = (opts.enterprise(), opts.is_juniper(), opts.place());
    let _ = opts.suboptions();
    if let Ok(Some(info)) = opts.to_vendor_info() {
        vendor_info_v6_roundtrip(&info, true);
    }
}

/// `v6::BootFileUrl::parse` (option 59 alone); what it decodes encodes to a
/// value that decodes to the same thing (decode -> encode -> decode).
pub fn v6_option59(data: &[u8]) {
    let at = Place::option(Family::V6, 59, 0);
    let Ok(url) = BootFileUrl::parse(data, at) else {
        return;
    };
    let _ = (url.as_str(), url.transfer_mode(), url.server(), url.port());
    let _ = (url.path(), url.image(), url.trailing_nul(), url.to_string());
    let _ = ztp_fetch_url::boot_file_url(&url);
    let repr = url.to_repr();
    let mut bytes = Vec::new();
    repr.put(&mut bytes).expect("a decoded URL encodes");
    assert_eq!(repr.buffer_len(), Ok(bytes.len()));
    let again = BootFileUrl::parse(&bytes, at).expect("an encoded URL decodes");
    assert_eq!(again.to_repr(), repr);
}

/// `sztp::Redirect` (option 143 when the first byte is even, 136 when odd,
/// over the rest): no panic; a decoded list re-encodes to exactly the
/// input (the encoding is canonical: `encode(decode(x)) == x`) and decodes
/// to the same servers; each URI's owned form and its rebuilt form (from
/// the address or name and the port) parse back to the same host and port;
/// an error's value is inside the input.
pub fn sztp_redirect(data: &[u8]) {
    let (family, value) = match data {
        [f, rest @ ..] if f % 2 == 1 => (Family::V6, rest),
        [_, rest @ ..] => (Family::V4, rest),
        [] => (Family::V4, data),
    };
    let redirect = match Redirect::new_checked(value, family) {
        Ok(r) => r,
        Err(e) => {
            assert!(e.place().offset() <= value.len(), "{e}");
            if let Some(range) = e.value_range() {
                assert!(range.end <= value.len(), "{e}");
                let _ = e.display_in(value).to_string();
            }
            return;
        }
    };
    assert!(!redirect.is_empty());
    let mut n = 0;
    for server in redirect.servers() {
        n += 1;
        let owned = server.to_buf();
        assert_eq!(owned.as_server(), server);
        let rebuilt = match server.host() {
            sztp::Host::Name(name) => {
                BootstrapServerBuf::for_name(name, server.port()).expect("a parsed name rebuilds")
            }
            host => BootstrapServerBuf::for_address(host.ip().unwrap(), server.port()),
        };
        let again = rebuilt.as_server();
        assert_eq!((again.host(), again.port()), (server.host(), server.port()));
        let _ = (server.port_or_default(), server.host().to_string());
    }
    assert_eq!(n, redirect.len());
    let repr = redirect.to_repr();
    let bytes = repr.to_vec(family).expect("a decoded list encodes");
    assert_eq!(bytes, value, "encode(decode(x)) == x");
    assert_eq!(repr.buffer_len(family), Ok(bytes.len()));
    let again = Redirect::new_checked(&bytes, family).expect("an encoded list decodes");
    assert_eq!(again.to_repr(), repr);
}

/// `sniff` on the whole input against a `Sniffer` fed the same input in
/// chunks (sizes from the first two bytes, alternating): the answers must
/// be equal, and the sniffer never holds more than `PREFIX_MAX` bytes.
pub fn sniff(data: &[u8]) {
    let (sizes, file) = match data {
        [a, b, rest @ ..] => ([usize::from(*a) + 1, usize::from(*b) + 1], rest),
        _ => ([1, 1], data),
    };
    let whole = sniff_whole(file).map(Sniff::into_owned);
    let mut sniffer = Sniffer::new();
    let mut rest = file;
    let mut i = 0;
    while !rest.is_empty() {
        let (chunk, after) = rest.split_at(sizes[i % 2].min(rest.len()));
        i += 1;
        rest = after;
        match sniffer.feed(chunk) {
            Ok(Status::Partial) => assert!(!sniffer.is_complete()),
            Ok(Status::Complete(n)) => {
                assert!(n <= chunk.len());
                assert!(sniffer.is_complete());
                break;
            }
            Err(e) => {
                assert_eq!(whole, Err(e));
                break;
            }
        }
    }
    assert!(sniffer.consumed() <= PREFIX_MAX);
    assert_eq!(sniffer.buffered(), &file[..sniffer.consumed()]);
    let chunked = sniffer.finish().map(Sniff::into_owned);
    assert_eq!(chunked, whole);
    if let Ok(found) = &whole {
        let _ = found.to_string();
    }
}

// ---------------------------------------------------------------- round trips

/// Owned plan -> encode -> decode -> resolve == plan, for DHCPv4; and an
/// arbitrary `VendorInfo` encodes into option 43 and decodes to itself.
pub fn plan_v4(data: &[u8]) {
    let mut u = Unstructured::new(data);
    if let Ok(info) = VendorInfo::arbitrary(&mut u) {
        vendor_info_v4_roundtrip(&info, false);
    }
    if let Ok(plan) = PlanBuf::arbitrary_v4(&mut u) {
        assert_eq!(v4_plan_again(&plan), Some(plan));
    }
}

/// Owned plan -> encode -> decode -> resolve == plan, for DHCPv6; and an
/// arbitrary `VendorInfo` and `BootFileUrlRepr` encode and decode to
/// themselves.
pub fn plan_v6(data: &[u8]) {
    let mut u = Unstructured::new(data);
    if let Ok(info) = VendorInfo::arbitrary(&mut u) {
        vendor_info_v6_roundtrip(&info, false);
    }
    if let Ok(repr) = v6::BootFileUrlRepr::arbitrary(&mut u) {
        let mut bytes = Vec::new();
        if repr.put(&mut bytes).is_ok() {
            let url = BootFileUrl::parse(&bytes, Place::option(Family::V6, 59, 0))
                .expect("an encoded URL decodes");
            assert_eq!(url.to_repr(), repr);
        }
    }
    if let Ok(plan) = PlanBuf::arbitrary_v6(&mut u) {
        assert_eq!(v6_plan_again(&plan), Some(plan));
    }
}

// ---------------------------------------------------------------- differential

/// Our DHCPv4 option walk against dhcproto's borrowed iterator
/// (`dhcproto::v4::borrowed::Message::opts`) on the same message, where both
/// accept it.
///
/// "We accept": `Message::new_checked` and the whole option walk succeed.
/// dhcproto's iterator has no error: on a truncated option or bytes after
/// the end option it silently stops (STYLE.md, "stopping silently"), so
/// messages we reject are not compared.
///
/// Known differences, checked as such:
/// 1. Overload (option 52): dhcproto's borrowed iterator reads the options
///    field only, never `file`/`sname`. We compare our options-field
///    instances only (`RawOption::area == Area::Options`).
/// 2. RFC 3396 concatenation: dhcproto joins only *adjacent* instances of a
///    code (no pad between them); instances elsewhere come out as separate
///    options. RFC 3396 joins them all. So (a) dhcproto's sequence must
///    equal our instances grouped into runs of adjacent same-code
///    instances, exactly; (b) for each option ZTP reads, the concatenation
///    of dhcproto's items equals our joined value (`Message::find`), which
///    is what a dhcproto user must rebuild by hand.
pub fn v4_dhcproto_diff(data: &[u8]) {
    let Ok(msg) = Message::new_checked(data) else {
        return;
    };
    let Ok(ours) = msg.options().collect::<Result<Vec<_>, _>>() else {
        return;
    };
    let theirs = dhcproto::v4::borrowed::Message::new(data)
        .expect("dhcproto takes any 240-byte message we take");
    let theirs: Vec<(u8, Vec<u8>)> = theirs
        .opts()
        .map(|o| (u8::from(o.code()), o.data().to_vec()))
        .collect();
    // (a) runs of adjacent instances in the options field.
    let mut runs: Vec<(u8, Vec<u8>)> = Vec::new();
    let mut end = None;
    for o in ours.iter().filter(|o| o.area == Area::Options) {
        match runs.last_mut() {
            Some((code, value)) if *code == o.code.get() && end == Some(o.offset) => {
                value.extend_from_slice(o.value);
            }
            _ => runs.push((o.code.get(), o.value.to_vec())),
        }
        end = Some(o.offset + 2 + o.value.len());
    }
    assert_eq!(runs, theirs, "option runs differ from dhcproto's");
    // (b) RFC 3396 join per code, for the options ZTP reads (one walk),
    // without overload (with it, dhcproto does not see the file/sname
    // instances: difference 1).
    if ours.iter().all(|o| o.area == Area::Options) {
        const CODES: [u8; 10] = [43, 150, 66, 7, 42, 12, 53, 60, 61, 77];
        let found = msg.find(CODES.map(v4::OptionCode::new)).unwrap();
        for (code, found) in CODES.iter().zip(found) {
            let mut items = theirs.iter().filter(|(c, _)| c == code).peekable();
            let joined = items.peek().is_some().then(|| {
                items
                    .flat_map(|(_, v)| v.iter().copied())
                    .collect::<Vec<u8>>()
            });
            assert_eq!(found.map(|f| f.value.into_owned()), joined, "option {code}");
        }
    }
}

/// Whether dhcproto 0.15 reads a DHCPv6 option of `code` and length `len`
/// as the `code len value` framing says. It reads some options by their
/// type's size, not their length (7 preference, 8 elapsed time, 12
/// unicast, 14 rapid commit, 19, 20, an odd 61, a 23 that is not whole
/// addresses), and computes `len - 2` / `len - 4` for 13 / 16 and 17,
/// which overflows (a panic in debug builds) for a shorter option.
fn dhcproto_v6_frames(code: u16, len: usize) -> bool {
    match code {
        7 | 19 => len == 1,
        8 => len == 2,
        12 => len == 16,
        14 | 20 => len == 0,
        13 => len >= 2,
        16 | 17 => len >= 4,
        23 => len.is_multiple_of(16),
        61 => len.is_multiple_of(2),
        _ => true,
    }
}

/// Whether every option of a DHCPv6 options area, and of the areas
/// dhcproto decodes inside them (IA_NA/IA_TA/IA_PD, IA address and prefix,
/// vendor options, a relay message), is one it frames as the length says
/// ([`dhcproto_v6_frames`]).
fn dhcproto_v6_frames_all(area: &[u8], depth: usize) -> bool {
    let mut rest = area;
    while let [a, b, c, d, tail @ ..] = rest {
        let code = u16::from_be_bytes([*a, *b]);
        let len = usize::from(u16::from_be_bytes([*c, *d]));
        // Checked first: dhcproto reads a fixed-size option by its size even
        // when the length runs past the area, and goes on from there.
        if !dhcproto_v6_frames(code, len) {
            return false;
        }
        let Some((value, tail)) = tail.split_at_checked(len) else {
            return true; // the walk stops here on both sides
        };
        // The fixed part before the nested options dhcproto decodes.
        let nested = match code {
            3 | 25 => Some(12),
            4 | 17 => Some(4),
            5 => Some(24),
            26 => Some(25),
            9 => Some(34),
            _ => None,
        };
        if let Some(skip) = nested
            && let Some(inner) = value.get(skip..)
            && (depth > 32 || !dhcproto_v6_frames_all(inner, depth + 1))
        {
            return false;
        }
        rest = tail;
    }
    true
}

/// Our DHCPv6 option walk (`v6::Message::options`, top level of the
/// message as received, relay or not) against dhcproto's
/// `v6::Message`/`v6::RelayMessage` decode, on what both frame the same.
///
/// Known differences, checked as such:
/// 1. dhcproto sorts the options by code: the options are compared as
///    sorted lists.
/// 2. It stops silently at the first option it cannot decode (nested
///    content of IA_NA, ORO, relay message, vendor options, ...), dropping
///    the rest, where we keep the option's bytes (and `v6::Lease` reports
///    what ZTP reads): such messages (fewer options on its side) are not
///    compared.
/// 3. It reads some options by their type's size, not their length, and
///    overflows on short 13/16/17 (`dhcproto_v6_frames`), at the top level
///    and inside the options it decodes nested (IAs, vendor options, relay
///    messages): messages with such an option anywhere are not handed to
///    it.
///
/// Compared: the codes, as a multiset, and, for the options it keeps as
/// bytes or fixed-size values (1, 2, 7, 8, 12, 14, 18, 20 and every code it
/// does not know), the exact `code len value` bytes it encodes back.
pub fn v6_dhcproto_diff(data: &[u8]) {
    let _ = v6_dhcproto_compare(data);
}

/// [`v6_dhcproto_diff`], saying whether the two sides were compared.
pub fn v6_dhcproto_compare(data: &[u8]) -> bool {
    use dhcproto::{Decodable, Decoder, Encodable, Encoder};
    let Ok(msg) = v6::Message::new_checked(data) else {
        return false;
    };
    let Ok(ours) = msg.options().collect::<Result<Vec<_>, _>>() else {
        return false;
    };
    if !dhcproto_v6_frames_all(msg.options_area(), 0) {
        return false;
    }
    let mut decoder = Decoder::new(data);
    let theirs = if msg.msg_type().is_relay() {
        dhcproto::v6::RelayMessage::decode(&mut decoder).map(|m| m.opts().clone())
    } else {
        dhcproto::v6::Message::decode(&mut decoder).map(|m| m.opts().clone())
    }
    .expect("dhcproto decodes any header we take");
    let theirs: Vec<&dhcproto::v6::DhcpOption> = theirs.iter().collect();
    if theirs.len() != ours.len() {
        // Difference 2: it gave up on some option's content.
        assert!(theirs.len() < ours.len(), "dhcproto found more options");
        return false;
    }
    let code = |o: &dhcproto::v6::DhcpOption| u16::from(dhcproto::v6::OptionCode::from(o));
    let mut our_codes: Vec<u16> = ours.iter().map(|o| o.code.get()).collect();
    let mut their_codes: Vec<u16> = theirs.iter().map(|o| code(o)).collect();
    our_codes.sort_unstable();
    their_codes.sort_unstable();
    assert_eq!(
        our_codes, their_codes,
        "option codes differ from dhcproto's"
    );
    let raw = |c: u16| {
        matches!(c, 1 | 2 | 7 | 8 | 12 | 14 | 18 | 20)
            || matches!(
                dhcproto::v6::OptionCode::from(c),
                dhcproto::v6::OptionCode::Unknown(_)
            )
    };
    let mut our_bytes: Vec<Vec<u8>> = ours
        .iter()
        .filter(|o| raw(o.code.get()))
        .map(|o| {
            let mut v = Vec::new();
            v6::put_option(o.code, o.value, &mut v).unwrap();
            v
        })
        .collect();
    let mut their_bytes: Vec<Vec<u8>> = theirs
        .iter()
        .filter(|o| raw(code(o)))
        .map(|o| {
            let mut v = Vec::new();
            o.encode(&mut Encoder::new(&mut v)).unwrap();
            v
        })
        .collect();
    our_bytes.sort();
    their_bytes.sort();
    assert_eq!(
        our_bytes, their_bytes,
        "option bytes differ from dhcproto's"
    );
    true
}

// ---------------------------------------------------------------- fetch URLs

/// The `path:port` suffix and URL parsing on arbitrary text, then a
/// generated plan's fetch URLs: no panic; a URL that is built parses back to
/// itself (R19..R23); an HTTP(S) URL is never over the limit (R21).
pub fn fetch_url(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(suffix) = split_port_suffix(&text) {
        // The path is what is left of the name; the port, if any, is 1..=65535.
        assert!(text.starts_with(suffix.path()));
        let _ = suffix.port().map(Port::get);
    }
    for origin in [UrlOrigin::Option59, UrlOrigin::User] {
        if let Ok(t) = Target::parse(&text, TargetKind::Config, origin) {
            let again = Target::parse(t.as_str(), TargetKind::Config, origin).expect("re-parse");
            assert_eq!(again.as_str(), t.as_str());
        }
    }
    let mut u = Unstructured::new(data);
    let plan = if u.arbitrary::<bool>().unwrap_or(false) {
        PlanBuf::arbitrary_v6(&mut u)
    } else {
        PlanBuf::arbitrary_v4(&mut u)
    };
    let Ok(plan) = plan else {
        return;
    };
    let plan = plan.as_plan();
    let fetch = fetch_plan(&plan);
    let _ = fetch.to_string();
    for t in fetch.targets() {
        if matches!(t.mode(), TransferMode::Http | TransferMode::Https) {
            assert!(
                t.as_str().chars().count() <= HTTP_URL_LIMIT,
                "{}",
                t.as_str()
            );
        }
        assert_eq!(t.server(), plan.file_server.ip());
        let back =
            Target::parse(t.as_str(), t.kind(), UrlOrigin::User).expect("a built URL parses");
        assert_eq!(back.as_str(), t.as_str());
    }
}

// ---------------------------------------------------------------- CLI input

/// The `ztp` CLI's input paths on arbitrary bytes: hex text, pasted text
/// (`input::message`: hex, Wireshark and tcpdump dumps, frames unwrapped),
/// bytes (`input::payload`) and capture files (pcap, pcapng, every link
/// type) never panic; hex that decodes is the digits it was given; a pasted
/// message whose family is told explains (see [`explain`]); a payload is
/// borrowed from the bytes.
pub fn cli_input(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(bytes) = ztp_explain::input::hex(&text) {
        let digits = text.chars().filter(char::is_ascii_hexdigit).count();
        assert!(bytes.len() * 2 <= digits);
    }
    let whole = ztp_explain::pcap::dhcp_messages(data);
    if let Ok(capture) = &whole {
        for found in &capture.found {
            assert!(found.frame >= 1);
            let _ = Family::detect(&found.payload);
        }
    }
    // The streaming reader fed in pieces (as a pipe delivers a capture)
    // sees exactly what it sees when the capture is read at once: the same
    // messages, frames and damage. The piece size comes from the input.
    let piece = usize::from(data.first().copied().unwrap_or(1) % 7) + 1;
    let mut pieces = Vec::new();
    let streamed = ztp_explain::pcap::stream(Pieces { data, piece }, |m| {
        pieces.push((m.frame, m.family, m.payload.to_vec()));
    });
    match (&whole, streamed) {
        (Ok(capture), Ok(end)) => {
            let found: Vec<_> = capture
                .found
                .iter()
                .map(|f| (f.frame, f.family, f.payload.clone()))
                .collect();
            assert_eq!(found, pieces);
            // The same damage, with one exception: a last block that claims
            // more than the bytes left is "cut" when the capture is read at
            // once (the end is seen first) and may be "too large" when it
            // arrives in pieces (the reader stops at its cap before it sees
            // the end). Both say the same frames came before it.
            let same = |d: &Option<ztp_explain::pcap::PcapError>| match d {
                Some(
                    ztp_explain::pcap::PcapError::Truncated { frames }
                    | ztp_explain::pcap::PcapError::BlockTooLarge { frames },
                ) => Some(Err(*frames)),
                other => Some(Ok(other.clone())),
            };
            assert_eq!(same(&capture.damaged), same(&end.damaged));
            assert_eq!(end.messages, pieces.len());
        }
        (Err(a), Err(b)) => assert_eq!(*a, b),
        (a, b) => panic!("read at once: {a:?}, in pieces: {b:?}"),
    }
    // Pasted text (hex, Wireshark hex dumps, tcpdump -x, frames unwrapped):
    // a message whose family is told is explained, as `ztp explain` does.
    if let Ok(pasted) = ztp_explain::input::message(&text)
        && let Some(family) = pasted.family
    {
        explain_one(&pasted.bytes, family, &all_messages());
    }
    // The bytes half (a capture's frame, a file of bytes): a DHCP message
    // found in them is borrowed from them, after the headers it skipped.
    if let Ok(found) = ztp_explain::input::payload(data) {
        let range = data.as_ptr_range();
        let start = found.bytes.as_ptr_range();
        assert!(range.start <= start.start && start.end <= range.end);
        if let Some(headers) = &found.headers {
            assert!(headers.skipped + found.bytes.len() <= data.len());
        }
    }
}

/// A reader that hands out at most `piece` bytes per read.
struct Pieces<'a> {
    data: &'a [u8],
    piece: usize,
}

impl std::io::Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.piece.min(buf.len()).min(self.data.len());
        let (head, rest) = self.data.split_at(n);
        buf.get_mut(..n).unwrap_or_default().copy_from_slice(head);
        self.data = rest;
        Ok(n)
    }
}

// ---------------------------------------------------------------- explanation

/// The filters that keep every message (`ztp explain --all`).
fn all_messages() -> ztp_explain::Filters {
    let mut filters = ztp_explain::Filters::default();
    filters.all = true;
    filters
}

/// A diagnosis says what it is: a non-empty id and message, and each fix
/// snippet is some text.
fn check_diagnosis(d: &ztp_explain::Diagnosis) {
    assert!(!d.id().is_empty(), "{d:?}");
    assert!(!d.message().is_empty(), "{d:?}");
    for (_, snippet) in d.fixes() {
        assert!(!snippet.trim().is_empty(), "{d:?}");
    }
    for (_, value) in d.sends() {
        let _ = value.len();
    }
}

/// Explains `bytes` as `family` with `filters`: every report's text, and
/// its JSON line, which parses and is one line ending in a newline.
fn explain_one(bytes: &[u8], family: Family, filters: &ztp_explain::Filters) -> usize {
    let mut reports = 0;
    let origin = ztp_explain::Origin::default().with_frame(1);
    ztp_explain::explain(bytes, family, origin, filters, &mut |report| {
        reports += 1;
        let text = report.text("> ");
        assert!(text.starts_with("> frame 1: "), "{text}");
        assert!(report.exit_code() <= 2);
        assert_eq!(report.exit_code() == 2, report.undecodable().is_some());
        let mut line = Vec::new();
        report.json_line(&mut line);
        assert_eq!(
            line.last(),
            Some(&b'\n'),
            "{}",
            String::from_utf8_lossy(&line)
        );
        assert_eq!(
            line.iter().filter(|b| **b == b'\n').count(),
            1,
            "{}",
            String::from_utf8_lossy(&line)
        );
        let value: serde_json::Value = serde_json::from_slice(&line).unwrap_or_else(|e| {
            panic!("{e}: {}", String::from_utf8_lossy(&line));
        });
        assert_eq!(
            value.get("schema").and_then(serde_json::Value::as_u64),
            Some(u64::from(ztp_explain::SCHEMA))
        );
        for d in report.diagnoses() {
            check_diagnosis(d);
        }
    });
    reports
}

/// The explanation on arbitrary bytes, read as DHCPv4 and as DHCPv6:
/// `explain` keeping every message (text and JSON line of each report),
/// `diagnose`, the summary (text and JSON), and the contents views of R34
/// with every accessor. No panic; every message is reported (filters
/// `all`); the JSON parses, one line each; every diagnosis has an id, a
/// message and non-empty fix snippets.
pub fn explain(data: &[u8]) {
    let all = all_messages();
    let mut summary = ztp_explain::Summary::default();
    let mut filters = all;
    filters.secure_ztp = data.len() % 2 == 1;
    for family in [Family::V4, Family::V6] {
        let reports = explain_one(data, family, &all);
        assert_eq!(reports, 1, "{family:?}: all messages are reported once");
        for d in ztp_explain::diagnose(data, family) {
            check_diagnosis(&d);
        }
        summary.add(data, family, ztp_explain::Origin::default(), &filters);
        if let Some(mac) = ztp_explain::client_mac(data, family) {
            let mut only = filters;
            only.mac = Some(mac);
            summary.add(
                data,
                family,
                ztp_explain::Origin::default().with_frame(2),
                &only,
            );
        }
    }
    assert!(summary.exit_code() <= 2);
    let mut text = Vec::new();
    summary.write_text(&mut text).unwrap();
    assert!(!text.is_empty());
    let mut json = Vec::new();
    summary.write_json(&mut json).unwrap();
    let line = json.strip_suffix(b"\n").unwrap_or(&json);
    assert!(!line.contains(&b'\n'), "{}", String::from_utf8_lossy(&json));
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(line) {
        panic!("{e}: {}", String::from_utf8_lossy(&json));
    }
    contents(data);
}

/// Every accessor of [`ztp_options::contents_v4`] and
/// [`ztp_options::contents_v6`] on a lease of `data` (R34): no panic, and
/// an error's place is inside the message.
fn contents(data: &[u8]) {
    if let Ok(lease) = v4::Lease::parse(data) {
        let c = ztp_options::contents_v4(&lease);
        let _ = c.lease();
        for code in [
            0u8, 7, 12, 42, 43, 52, 53, 60, 61, 66, 67, 77, 143, 150, 255,
        ] {
            let _ = c.raw(v4::OptionCode::new(code));
        }
        if let Some(vendor) = c.option43() {
            vendor_contents(&vendor, data.len());
        }
        let _ = c.tftp_server_addresses().map(|r| r.map(|l| l.first()));
        let _ = c.tftp_server_name();
        let _ = c.tftp_server_address();
        let _ = c.ntp_servers();
        let _ = c.log_servers();
        let _ = c.host_name().map(|r| r.map(|t| t.as_str().map(str::len)));
        let _ = c.boot_file_name();
        let _ = c.siaddr();
        let _ = c.sname();
        let _ = c.file();
        if let Some(Ok(r)) = c.sztp_redirect() {
            for b in r.servers() {
                let _ = b.as_str();
            }
        }
        if let Some(v) = c.sztp_variant() {
            let _ = v.to_string();
        }
        let _ = c.after_end();
    }
    if let Ok(lease) = v6::Lease::parse(data) {
        let c = ztp_options::contents_v6(&lease);
        let _ = c.has_option17();
        assert_eq!(c.enterprises().count(), c.vendor_opts().count());
        for v in c.vendor_opts() {
            let _ = v.is_juniper();
            vendor_contents(&ztp_options::VendorContents::v6(v), data.len());
        }
        if let Some(vendor) = c.juniper() {
            assert!(c.has_option17());
            vendor_contents(&vendor, data.len());
        }
        let _ = c.duplicate_juniper();
        let _ = c.boot_file_url().map(|r| r.map(|u| u.server()));
        if let Some(Ok(r)) = c.sztp_redirect() {
            for b in r.servers() {
                let _ = b.as_str();
            }
        }
        if let Some(v) = c.sztp_variant() {
            let _ = v.to_string();
        }
        for code in [1u16, 2, 9, 17, 59, 136] {
            let _ = c.raw(v6::OptionCode::new(code));
        }
    }
}

/// Every accessor of a vendor option's contents; its items lie inside the
/// message (`len` bytes).
fn vendor_contents(v: &ztp_options::VendorContents<'_>, len: usize) {
    let _ = (v.family(), v.place(), v.is_empty());
    assert!(v.as_bytes().len() <= len);
    let items = v.items().count();
    let _ = v.walk_error();
    for code in [0u8, 1, 2, 3, 4, 5, 8] {
        let code = ztp_options::SuboptionCode::new(code.into());
        let _ = v.item(code);
        let _ = v.duplicate(code);
    }
    let _ = v.image();
    let _ = v.config();
    let _ = v.image_type();
    let _ = v.transfer_mode();
    let _ = v.alt_image();
    let _ = v.port_or_server();
    let _ = v.proxy();
    assert!(v.unknown().count() <= items);
    let _ = v.has_ztp_suboption();
    // R1: the end code, counted as the option's place counts: in the
    // message, or in the concatenation of a joined option 43.
    if let Some(end) = v.end() {
        let index = end
            .checked_sub(v.place().offset())
            .expect("the end code lies in the value");
        assert_eq!(v.as_bytes().get(index), Some(&255));
        if !v.place().in_joined_value() {
            assert!(end < len);
        }
    }
    let _ = v.after_end();
}

// ---------------------------------------------------------------- agent

/// An arbitrary event sequence fed to the ZTP agent, then a drain:
/// `ztp_agent::check::run` checks that it never panics, never returns two
/// commands at once, and ends in done or a DHCP restart within a bounded
/// number of steps (R27, R28, R29).
pub fn agent_events(data: &[u8]) {
    use ztp_agent::check::{Scenario, run};
    if let Ok(scenario) = Scenario::arbitrary(&mut Unstructured::new(data))
        && let Err(violation) = run(&scenario)
    {
        panic!("{violation}\n{scenario:#?}");
    }
}

// ---------------------------------------------------------------- cisco layouts

/// Cisco PnP's option 43 string (CP2, CP3): no panic; a string that
/// decodes re-encodes (`PnpStringRepr`'s `Display`) to one that decodes
/// to the same owned form; an arbitrary valid owned form encodes and
/// decodes to itself.
pub fn pnp_string(data: &[u8]) {
    use ztp_options::vendor::cisco::{PnpString, PnpStringRepr};
    if let Ok(pnp) = PnpString::parse(data) {
        let repr = pnp.to_repr();
        let text = repr.to_string();
        let again = PnpString::parse(text.as_bytes()).expect("an encoded PnP string decodes");
        assert_eq!(again.to_repr(), repr);
        let _ = pnp.address_type_mismatch();
        assert!(!pnp.server().is_empty());
    }
    let mut u = Unstructured::new(data);
    if let Ok(repr) = PnpStringRepr::arbitrary(&mut u)
        && repr.is_valid()
    {
        let text = repr.to_string();
        let back = PnpString::parse(text.as_bytes()).expect("a valid repr decodes");
        assert_eq!(back.to_repr(), repr);
    }
}

/// NX-OS secure POAP items (CN4 `code(1) len(2)`, CN5's v6 walk with its
/// fallback): no panic; DHCPv4 decode -> encode is the input, byte for
/// byte, and decodes to the same owned form.
pub fn poap_items(data: &[u8]) {
    use ztp_options::vendor::cisco::{PoapWidth, SecurePoap};
    let at = Place::option(Family::V4, 43, 0);
    if let Ok(poap) = SecurePoap::parse_v4(data, at) {
        let repr = poap.to_repr();
        let bytes = repr.to_vec().expect("decoded items encode");
        assert_eq!(bytes, data);
        let again = SecurePoap::parse_v4(&bytes, at).expect("encoded items decode");
        assert_eq!(again.to_repr(), repr);
        let _ = (poap.url(), poap.ntp(), poap.ca_list(), poap.version());
    }
    let at6 = Place::option(Family::V6, 17, 4);
    if let Ok(poap) = SecurePoap::parse_v6(data, at6) {
        let _ = (poap.url(), poap.ca_list(), poap.debug());
        if poap.width() == PoapWidth::Code1Len2 {
            assert_eq!(poap.to_repr().to_vec().expect("encodes"), data);
        }
    }
}

/// IOS-XR data-port items (CR6; G6 plain TLV for DHCPv4, RFC 8415 items
/// for DHCPv6): no panic, the item values lie inside the input, and the
/// check against a serial taken from the input never panics.
pub fn xr_items(data: &[u8]) {
    use ztp_options::vendor::cisco::XrDataPort;
    let serial = std::str::from_utf8(data.get(..data.len().min(11)).unwrap_or(&[])).ok();
    for parsed in [
        XrDataPort::parse_v4(data, Place::option(Family::V4, 43, 0)),
        XrDataPort::parse_v6(data, Place::option(Family::V6, 17, 0)),
    ]
    .into_iter()
    .flatten()
    {
        let total: usize = parsed.items().map(|i| i.value.len()).sum();
        assert!(total <= data.len());
        let _ = parsed.check(serial);
        let _ = parsed.check(None);
    }
}

// ---------------------------------------------------------------- other vendors' layouts

/// The plain `code(1) len(1)` TLV of option 43 (G6, G7: AOS-CX, EXOS,
/// Huawei campus): no panic; items lie inside the input, never carry code 0
/// or 255, and come in wire order; the owned form encodes and decodes to
/// itself; an arbitrary owned form does too.
pub fn plain_tlv(data: &[u8]) {
    use ztp_options::vendor::{PlainTlv, PlainTlvRepr};
    let at = Place::option(Family::V4, 43, 0);
    if let Ok(tlv) = PlainTlv::parse(data, at) {
        let mut last = None;
        for item in tlv.items() {
            assert!(item.code != 0 && item.code != 255);
            assert!(item.offset + 2 + item.value.len() <= data.len());
            assert!(last.is_none_or(|l| l < item.offset));
            last = Some(item.offset);
            let _ = item.text();
        }
        if let Some(end) = tlv.end() {
            assert_eq!(data[end], 255);
        }
        if let Some(t) = tlv.after_end() {
            assert_eq!(t.offset + t.len, data.len());
        }
        let repr = tlv.to_repr();
        let bytes = repr.to_vec().expect("decoded items encode");
        assert!(bytes.len() <= data.len());
        let again = PlainTlv::parse(&bytes, at).expect("encoded items decode");
        assert_eq!(again.to_repr(), repr);
    }
    let mut u = Unstructured::new(data);
    if let Ok(items) = Vec::<(u8, Vec<u8>)>::arbitrary(&mut u) {
        let mut repr = PlainTlvRepr::new();
        for (code, value) in items {
            let _ = repr.push(code, value);
        }
        let bytes = repr.to_vec().expect("a repr encodes");
        assert_eq!(bytes.len(), repr.buffer_len());
        let back = PlainTlv::parse(&bytes, at).expect("a repr decodes");
        assert_eq!(back.to_repr(), repr);
    }
}

/// Aruba Central's CSV in option 43 (AR5): no panic; three non-empty
/// fields that join back to the text.
pub fn central_csv(data: &[u8]) {
    use ztp_options::vendor::CentralCsv;
    if let Ok(csv) = CentralCsv::parse(data, Place::option(Family::V4, 43, 0)) {
        assert!(!csv.group.is_empty() && !csv.host.is_empty() && !csv.secret.is_empty());
        let joined = format!("{},{},{}", csv.group, csv.host, csv.secret);
        let text = data.strip_suffix(&[0]).unwrap_or(data);
        assert_eq!(joined.as_bytes(), text);
    }
}

/// Huawei's option 66 (H2): no panic; the URL it builds for a file, cut
/// before the file, decodes to the same server (a replaced port is then 22,
/// as given).
pub fn huawei_server(data: &[u8]) {
    use ztp_options::vendor::{HuaweiScheme, HuaweiServer};
    let at = Place::option(Family::V4, 66, 0);
    if let Ok(s) = HuaweiServer::parse(data, at) {
        if s.port.is_some() {
            assert_eq!(s.scheme, HuaweiScheme::Sftp);
        }
        let url = s.url("f.cfg");
        let base = url
            .strip_suffix("/f.cfg")
            .expect("the url ends in the file");
        let again = HuaweiServer::parse(base.as_bytes(), at).expect("a built url decodes");
        assert_eq!(
            (
                again.scheme,
                again.user,
                again.password,
                again.host,
                again.port
            ),
            (s.scheme, s.user, s.password, s.host, s.port)
        );
        assert!(!again.bare && !again.port_replaced);
    }
}

/// Huawei's `key=value;` pairs (H7, H8): no panic; every key is found by
/// `get`, and keys are distinct.
pub fn huawei_pairs(data: &[u8]) {
    use ztp_options::vendor::Pairs;
    if let Ok(pairs) = Pairs::parse(data, Place::option(Family::V4, 148, 0)) {
        let keys: Vec<_> = pairs.iter().map(|p| p.key).collect();
        for p in pairs.iter() {
            assert!(!p.key.is_empty());
            assert_eq!(pairs.get(p.key), Some(p.value));
            assert!(p.index < pairs.as_str().len());
        }
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].iter().any(|j| j.eq_ignore_ascii_case(k)));
        }
    }
}

/// Vendor identities (G1..G5): no panic decoding any bytes as a client's
/// DHCPv4 or DHCPv6 message; an identity that names its vendor encodes
/// (where its vendor's forms can carry it) and decodes to the same owned
/// form.
pub fn vendor_identity(data: &[u8]) {
    use ztp_options::vendor::Identity;
    for (id, v6) in [
        (Identity::from_v4(data).ok(), false),
        (Identity::from_v6(data).ok(), true),
    ] {
        let Some(id) = id else { continue };
        let _ = id.vendor();
        let _ = id.notes.iter().count();
        let Some(repr) = id.to_repr() else { continue };
        let bytes = if v6 {
            repr.to_v6_options()
                .ok()
                .and_then(|set| v6::MessageRepr::reply(set).to_vec().ok())
        } else {
            repr.to_v4_options()
                .ok()
                .map(|set| v4::MessageRepr::reply(set).to_vec())
        };
        let Some(bytes) = bytes else { continue };
        let again = if v6 {
            Identity::from_v6(&bytes)
        } else {
            Identity::from_v4(&bytes)
        }
        .expect("an encoded identity frames");
        assert_eq!(again.vendor(), Some(repr.vendor), "{repr:?}");
    }
}

/// Every vendor's plan (VENDORS.md), the reply-alone guess (RA1) and the
/// vendor-selecting entry point, on any DHCPv4 or DHCPv6 message: no
/// panic; a plan's steps have a name, its decisions a rule.
pub fn vendor_plans(data: &[u8]) {
    use ztp_options::vendor::{
        Step, Vendor, guess_v4, guess_v6, plan_v4, plan_v6, resolve_as_v4, resolve_as_v6,
        select_v4, select_v6,
    };
    let check = |plan: ztp_options::vendor::VendorPlan| {
        for step in &plan.steps {
            if let Step::Fetch(f) = step {
                assert!(!f.name.is_empty() || f.url.is_some(), "{plan:?}");
            }
        }
        assert!(
            plan.entries
                .iter()
                .all(|e| !e.rule.is_empty() && !e.id.is_empty())
        );
    };
    if let Ok(lease) = v4::Lease::parse(data) {
        let g = guess_v4(&lease);
        let _ = (g.vendor(), g.confidence(), g.candidates());
        let s = select_v4(&lease, None, None);
        let _ = resolve_as_v4(s.vendor, &lease);
        for v in Vendor::ALL {
            if let Some(plan) = plan_v4(v, &lease) {
                check(plan);
            }
        }
    }
    if let Ok(lease) = v6::Lease::parse(data) {
        let g = guess_v6(&lease);
        let _ = (g.vendor(), g.confidence(), g.candidates());
        let s = select_v6(&lease, None, None);
        let _ = resolve_as_v6(s.vendor, &lease);
        for v in Vendor::ALL {
            if let Some(plan) = plan_v6(v, &lease) {
                check(plan);
            }
        }
    }
}

/// Each vendor's fetched-file rule (G11): no panic, and the streamed
/// verdict over chunks of the sizes the first two bytes choose equals the
/// one-shot verdict, for every vendor, with the third byte choosing the
/// hint (an option and a file name).
pub fn vendor_sniff(data: &[u8]) {
    use ztp_script_detect::{Hint, Vendor as FileVendor, VendorSniffer, sniff_vendor};
    let (sizes, pick, file) = match data {
        [a, b, c, rest @ ..] => ([usize::from(*a) + 1, usize::from(*b) + 1], *c, rest),
        _ => ([7, 13], 0, data),
    };
    let names = [
        "config.xsf",
        "summit.xos",
        "conf.ini",
        "conf.cfg",
        "ztp.py",
        "x",
    ];
    let options = [67u16, 59, 239, 240, 43];
    let hint = Hint {
        option: options.get(usize::from(pick % 5)).copied(),
        name: names.get(usize::from(pick / 5 % 6)).copied(),
    };
    for vendor in FileVendor::ALL {
        let whole = sniff_vendor(vendor, hint, file).map(|s| s.into_owned());
        let mut sniffer = VendorSniffer::new(vendor, hint);
        let mut rest = file;
        let mut i = 0;
        while !rest.is_empty() && !sniffer.is_complete() {
            let (chunk, after) = rest.split_at(sizes[i % 2].min(rest.len()));
            i += 1;
            rest = after;
            let _ = sniffer.feed(chunk);
        }
        let streamed = sniffer.finish().map(|s| s.into_owned());
        assert_eq!(whole, streamed, "{vendor}");
    }
}

/// Offers (issue 25): an arbitrary valid offer of each family
/// (`Offer::arbitrary_v4`, `arbitrary_v6`) encodes, reads back from a
/// reply to itself, and its vendor's plan provisions from that reply; an
/// offer with any text in its fields does the same whenever the encoder
/// accepts it (the refusals cover what the plans refuse); and
/// the input as a DHCPv4 or DHCPv6 message read as every vendor's offer:
/// no panic, and an offer read from it encodes, reads back to itself and
/// provisions (Juniper: the resolver's plan; only no panic).
pub fn vendor_offers(data: &[u8]) {
    use ztp_options::vendor::{Offer, Vendor, plan_v4, plan_v6};
    let v4_reply = |offer: &Offer| {
        let set = offer
            .to_v4_options()
            .unwrap_or_else(|e| panic!("{e}: {offer:?}"));
        MessageRepr::reply(set).to_vec()
    };
    let v6_reply = |offer: &Offer| {
        let set = offer
            .to_v6_options()
            .unwrap_or_else(|e| panic!("{e}: {offer:?}"));
        v6::MessageRepr::reply(set).to_vec().unwrap()
    };
    let check_v4 = |offer: &Offer| {
        let msg = v4_reply(offer);
        let lease = v4::Lease::parse(&msg).unwrap();
        let vendor = offer.vendor();
        match vendor {
            Vendor::Juniper => assert!(resolve_v4(&lease).is_ok(), "{offer:?}"),
            _ => assert!(plan_v4(vendor, &lease).unwrap().provisions(), "{offer:?}"),
        }
        assert_eq!(Offer::from_v4(vendor, &lease).as_ref(), Ok(offer));
    };
    let check_v6 = |offer: &Offer| {
        let msg = v6_reply(offer);
        let lease = v6::Lease::parse(&msg).unwrap();
        let vendor = offer.vendor();
        match vendor {
            Vendor::Juniper => assert!(resolve_v6(&lease).is_ok(), "{offer:?}"),
            _ => assert!(plan_v6(vendor, &lease).unwrap().provisions(), "{offer:?}"),
        }
        assert_eq!(Offer::from_v6(vendor, &lease).as_ref(), Ok(offer));
    };
    let mut u = Unstructured::new(data);
    if let Ok(offer) = Offer::arbitrary_v4(&mut u) {
        check_v4(&offer);
    }
    if let Ok(offer) = Offer::arbitrary_v6(&mut u) {
        check_v6(&offer);
    }
    // Any text in the fields: what the encoder accepts round-trips.
    if let Ok(offer) = wild_offer(&mut Unstructured::new(data)) {
        if offer.to_v4_options().is_ok() {
            check_v4(&offer);
        }
        if offer.to_v6_options().is_ok() {
            // CN5: DHCPv6 has no lease time option; it reads back as 3600.
            let mut expected = offer.clone();
            if let Offer::CiscoNxos(p) = &mut expected {
                p.lease_time = ztp_options::vendor::PoapOffer::MIN_LEASE_TIME;
            }
            let msg = v6_reply(&offer);
            let lease = v6::Lease::parse(&msg).unwrap();
            let plan = plan_v6(offer.vendor(), &lease).unwrap();
            assert!(plan.provisions(), "{offer:?}");
            assert_eq!(Offer::from_v6(offer.vendor(), &lease), Ok(expected));
        }
    }
    if let Ok(lease) = v4::Lease::parse(data) {
        for vendor in Vendor::ALL {
            match Offer::from_v4(vendor, &lease) {
                Ok(offer) if vendor != Vendor::Juniper => check_v4(&offer),
                Ok(_) => {}
                Err(e) => assert_eq!(e.vendor, vendor, "{e}"),
            }
        }
    }
    if let Ok(lease) = v6::Lease::parse(data) {
        for vendor in Vendor::ALL {
            match Offer::from_v6(vendor, &lease) {
                Ok(offer) if vendor != Vendor::Juniper => check_v6(&offer),
                Ok(_) => {}
                Err(e) => assert_eq!(e.vendor, vendor, "{e}"),
            }
        }
    }
}

/// An offer of any vendor but Juniper whose fields hold any text the
/// fuzzer gives (valid or not).
fn wild_offer(u: &mut Unstructured<'_>) -> arbitrary::Result<ztp_options::vendor::Offer> {
    use std::net::Ipv4Addr;
    use ztp_options::vendor::{
        ArubaOffer, BootFileOffer, ExosOffer, HuaweiOffer, Offer, Os9Offer, PnpOffer, PoapOffer,
        PoapServer, ScriptUrlOffer, SonicOffer, XrOffer,
    };
    let addr = |u: &mut Unstructured<'_>| -> arbitrary::Result<Option<Ipv4Addr>> {
        Ok(u.arbitrary::<Option<[u8; 4]>>()?.map(Ipv4Addr::from))
    };
    let boot = |u: &mut Unstructured<'_>| -> arbitrary::Result<BootFileOffer> {
        let mut b = BootFileOffer::new(u.arbitrary::<String>()?);
        b.tftp_server = addr(u)?;
        Ok(b)
    };
    Ok(match u.int_in_range(0..=12u8)? {
        0 => Offer::Arista(boot(u)?),
        1 => Offer::CiscoIosXe(boot(u)?),
        2 => Offer::NokiaSrLinux(boot(u)?),
        3 => {
            let mut p = PnpOffer::new(u.arbitrary::<String>()?);
            p.port = u.arbitrary()?;
            p.transport = u.arbitrary()?;
            p.debug = u.arbitrary()?;
            Offer::CiscoPnp(p)
        }
        4 => {
            let mut p = PoapOffer::new(u.arbitrary::<String>()?, u.arbitrary()?);
            p.server = match u.int_in_range(0..=2u8)? {
                0 => None,
                1 => addr(u)?.map(PoapServer::Address),
                _ => Some(PoapServer::Name(u.arbitrary()?)),
            };
            Offer::CiscoNxos(p)
        }
        5 => {
            let mut x = XrOffer::new(u.arbitrary::<String>()?);
            x.insecure = u.arbitrary()?;
            Offer::CiscoIosXr(x)
        }
        6 => {
            let mut s = SonicOffer::new();
            s.json_url = u.arbitrary()?;
            s.script_url = u.arbitrary()?;
            Offer::Sonic(s)
        }
        7 => Offer::Cumulus(ScriptUrlOffer::new(u.arbitrary::<String>()?)),
        8 => Offer::DellOs10(ScriptUrlOffer::new(u.arbitrary::<String>()?)),
        9 => {
            let mut o = Os9Offer::new();
            o.image = u.arbitrary()?;
            o.config = u.arbitrary()?;
            o.tftp_server = addr(u)?;
            Offer::DellOs9(o)
        }
        10 => {
            let mut a = ArubaOffer::new();
            a.config = u.arbitrary()?;
            a.image = u.arbitrary()?;
            a.central = u.arbitrary()?;
            a.proxy = u.arbitrary()?;
            a.tftp_server = u.arbitrary()?;
            Offer::ArubaAosCx(a)
        }
        11 => {
            let mut e = ExosOffer::new(u.arbitrary::<Vec<String>>()?);
            e.tftp_server = addr(u)?;
            e.trap_server = addr(u)?;
            Offer::ExtremeExos(e)
        }
        _ => {
            let mut h = HuaweiOffer::new(u.arbitrary::<String>()?);
            h.server = u.arbitrary()?;
            h.tftp_server = addr(u)?;
            Offer::HuaweiVrp(h)
        }
    })
}

/// `client_messages`: an arbitrary client message (DHCPv4 DISCOVER,
/// REQUEST, RELEASE; DHCPv6 SOLICIT, REQUEST, RELEASE; relayed or not; a
/// known vendor identity or none) encodes, and the decoders read back its
/// fields and its identity.
pub fn client_messages(data: &[u8]) {
    use std::net::Ipv4Addr;
    use ztp_options::client::{V4Client, V4Kind, V6Client, V6Kind};
    use ztp_options::vendor::{Identity, Vendor};
    let mut u = Unstructured::new(data);
    if let Ok(c) = V4Client::arbitrary(&mut u) {
        let bytes = c.to_vec().unwrap_or_else(|e| panic!("{e}: {c:?}"));
        let msg = Message::new_checked(&bytes[..]).unwrap();
        assert_eq!((msg.op(), msg.htype(), msg.hlen()), (1, 1, 6));
        assert_eq!(msg.xid(), c.xid);
        assert_eq!(msg.client_hw_addr().unwrap(), c.mac);
        assert!(bytes.len() >= 300);
        let opt = |code: u8| {
            msg.option(v4::OptionCode::new(code))
                .unwrap()
                .map(|o| o.value.into_owned())
        };
        assert_eq!(opt(53), Some(vec![c.kind.message_type().get()]));
        let (ciaddr, flags) = match c.kind {
            V4Kind::Release { client, server } => {
                assert_eq!(opt(54), Some(server.octets().to_vec()));
                assert_eq!(
                    (opt(50), opt(55), opt(57), opt(60)),
                    (None, None, None, None)
                );
                (client, 0)
            }
            kind => {
                if let V4Kind::Request { requested, server } = kind {
                    assert_eq!(opt(50), Some(requested.octets().to_vec()));
                    assert_eq!(opt(54), Some(server.octets().to_vec()));
                }
                assert_eq!(
                    opt(57),
                    c.max_message_size.map(|s| s.to_be_bytes().to_vec())
                );
                let id = Identity::from_v4(&bytes).unwrap().to_repr();
                assert_eq!(id, c.identity, "{c:?}");
                (Ipv4Addr::UNSPECIFIED, if c.broadcast { 0x8000 } else { 0 })
            }
        };
        assert_eq!((msg.ciaddr(), msg.flags()), (ciaddr, flags));
        match &c.relay {
            Some(relay) => {
                assert_eq!((msg.giaddr(), msg.hops()), (relay.giaddr, 1));
                assert_eq!(opt(82), relay.option82().unwrap());
            }
            None => assert_eq!(
                (msg.giaddr(), msg.hops(), opt(82)),
                (Ipv4Addr::UNSPECIFIED, 0, None)
            ),
        }
        assert_eq!(MessageRepr::parse(&msg).unwrap(), c.to_repr().unwrap());
    }
    if let Ok(c) = V6Client::arbitrary(&mut u) {
        let bytes = c.to_vec().unwrap_or_else(|e| panic!("{e}: {c:?}"));
        let outer = v6::Message::new_checked(&bytes).unwrap();
        let msg = match &c.relay {
            Some(relay) => {
                assert_eq!(outer.msg_type(), v6::MessageType::RELAY_FORW);
                let h = outer.relay_header().unwrap();
                assert_eq!(
                    (h.hop_count, h.link_address, h.peer_address),
                    (relay.hop_count, relay.link_address, relay.peer_address)
                );
                let ifid = outer
                    .instances(v6::OptionCode::INTERFACE_ID)
                    .next()
                    .map(|o| o.unwrap().value.to_vec());
                assert_eq!(ifid, relay.interface_id);
                let inner = outer.relay_message().unwrap().unwrap();
                let mut plain = c.clone();
                plain.relay = None;
                assert_eq!(inner.as_bytes(), plain.to_vec().unwrap());
                inner
            }
            None => outer,
        };
        assert_eq!(msg.msg_type(), c.kind.message_type());
        assert_eq!(msg.transaction_id(), Some(c.transaction_id));
        let one = |code: u16| {
            let all: Vec<Vec<u8>> = msg
                .instances(v6::OptionCode::new(code))
                .map(|o| o.unwrap().value.to_vec())
                .collect();
            assert!(all.len() <= 1, "option {code} twice");
            all.into_iter().next()
        };
        let xr = c
            .identity
            .as_ref()
            .is_some_and(|id| id.vendor == Vendor::CiscoIosXr);
        let mac = c.identity.as_ref().and_then(|id| id.mac).unwrap_or(c.mac);
        let duid = one(1).unwrap();
        if !xr {
            assert_eq!(duid, [&[0, 3, 0, 1][..], &mac].concat());
        }
        assert_eq!(one(8), Some(c.elapsed.to_be_bytes().to_vec()));
        match &c.kind {
            V6Kind::Solicit => {
                assert_eq!(one(2), None);
                assert_eq!(one(3), Some([&c.iaid.to_be_bytes()[..], &[0; 8]].concat()));
            }
            V6Kind::Request { server_id, ia_na } | V6Kind::Release { server_id, ia_na } => {
                assert_eq!(one(2).as_ref(), Some(server_id));
                assert_eq!(one(3).as_ref(), Some(ia_na));
            }
            _ => unreachable!("a kind the generator does not make"),
        }
        let lease = v6::Lease::parse(&bytes).unwrap();
        assert_eq!(lease.transaction_id(), Some(c.transaction_id));
        if matches!(c.kind, V6Kind::Release { .. }) {
            assert_eq!(one(6), None);
        } else {
            let want = c.identity.clone().map(|mut id| {
                if !xr {
                    id.mac = Some(mac);
                }
                id
            });
            assert_eq!(Identity::from_v6(&bytes).unwrap().to_repr(), want, "{c:?}");
        }
        assert_eq!(
            v6::MessageRepr::parse(&outer).unwrap(),
            c.to_repr().unwrap()
        );
    }
}
