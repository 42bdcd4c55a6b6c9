//! Zero heap allocations, counted by dhat's global allocator (our crates
//! forbid `unsafe`, which a counting allocator of our own would need):
//!
//! - borrowed DHCPv4 decode: `v4::Lease::parse`, then the typed accessors
//!   ZTP reads (`suboptions()` and its fields, `tftp_server_addresses()`,
//!   `tftp_server_name()`, `log_servers()`, `ntp_servers()`, `host_name()`),
//!   on messages whose options are not split (a split option, RFC 3396, is
//!   joined into one owned buffer: one allocation, by design);
//! - `v4::Option43::new_checked` + `suboptions()`;
//! - borrowed DHCPv6 decode: `v6::Lease::parse`, `suboptions()`,
//!   `boot_file_url()`;
//! - encoding into a caller's buffer: `VendorInfo::emit_v4`/`emit_v6`,
//!   `OptionSet::emit`, `MessageRepr::emit`.
//!
//! - from bytes to a resolved plan: `v4::Lease::parse` + `resolve_v4`, and
//!   `v6::Lease::parse` + `resolve_v6`, on the samples and the bench's ACK:
//!   the `Plan` borrows from the lease and its log is inline;
//! - iterating the plan's decisions (`Plan::decisions`).
//!
//! Counted and stated, not zero: the owned conversion `Plan::to_buf` (one
//! block per string and per non-empty list: 5 for the DHCPv4 sample, 3 for
//! the DHCPv6 one), and `Plan::to_v4_options` (an owned `OptionSet`).
//!
//! One test function only: dhat allows one profiler per process.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use ztp_options::samples::{V4_ACK, V6_REPLY};
use ztp_options::v4::{Lease, Message, MessageRepr, Option43};
use ztp_options::{Plan, resolve_v4, resolve_v6};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Heap blocks allocated while running `f`.
fn blocks<R>(f: impl FnOnce() -> R) -> u64 {
    let before = dhat::HeapStats::get().total_blocks;
    black_box(f());
    dhat::HeapStats::get().total_blocks - before
}

fn v4_decode(bytes: &[u8]) -> usize {
    let lease = Lease::parse(bytes).unwrap();
    let sub = lease.suboptions().unwrap().unwrap();
    let mut n = 0;
    n += sub.image().map_or(0, |t| t.as_str().unwrap().len());
    n += sub.config().map_or(0, |t| t.as_str().unwrap().len());
    n += sub.alt_image().map_or(0, |t| t.as_bytes().len());
    n += usize::from(sub.transfer_mode().is_some()) + usize::from(sub.port_or_server().is_some());
    n += lease
        .tftp_server_addresses()
        .unwrap()
        .map_or(0, |l| l.iter().count());
    n += lease
        .tftp_server_name()
        .unwrap()
        .map_or(0, |t| t.address().map_or(0, |a| a.octets().len()));
    n += lease.log_servers().unwrap().map_or(0, |l| l.len());
    n += lease.ntp_servers().unwrap().map_or(0, |l| l.len());
    n += lease.host_name().unwrap().map_or(0, |h| h.as_bytes().len());
    n
}

#[test]
fn borrowed_decode_and_encoding_into_a_callers_buffer_do_not_allocate() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let bench_ack = ztp_benches::v4_ack();
    // The counter counts.
    assert_eq!(blocks(|| vec![1u8]), 1);

    // Borrowed decode and typed access.
    assert_eq!(blocks(|| v4_decode(V4_ACK)), 0, "v4 Lease, V4_ACK");
    assert_eq!(blocks(|| v4_decode(&bench_ack)), 0, "v4 Lease, bench ACK");
    let o43 = Lease::parse(V4_ACK)
        .unwrap()
        .option43()
        .unwrap()
        .unwrap()
        .as_bytes()
        .to_vec();
    assert_eq!(
        blocks(|| {
            let sub = Option43::new_checked(&o43).unwrap().suboptions().unwrap();
            (sub.image(), sub.config(), sub.transfer_mode())
        }),
        0,
        "option 43"
    );
    assert_eq!(
        blocks(|| {
            let lease = ztp_options::v6::Lease::parse(V6_REPLY).unwrap();
            let sub = lease.suboptions().unwrap().unwrap();
            let url = lease.boot_file_url().unwrap().unwrap();
            (
                sub.image(),
                sub.config(),
                url.server(),
                url.port(),
                url.path(),
            )
        }),
        0,
        "v6 Lease"
    );

    // From bytes to a resolved plan, and its decision log.
    fn v4_plan(bytes: &[u8]) -> usize {
        let lease = Lease::parse(bytes).unwrap();
        let plan = resolve_v4(&lease).unwrap();
        touch(&plan)
    }
    fn touch(plan: &Plan<'_>) -> usize {
        let names =
            plan.image.map_or(0, |i| i.name.len()) + plan.config.map_or(0, |c| c.name.len());
        let lists = plan.ntp_servers.iter().count() + plan.syslog_servers.iter().count();
        let log = plan.decisions().map(|d| d.rule().0 as usize).sum::<usize>();
        names + lists + log + plan.ignored.option66.map_or(0, <[u8]>::len)
    }
    assert_eq!(blocks(|| v4_plan(V4_ACK)), 0, "bytes to plan, V4_ACK");
    assert_eq!(
        blocks(|| v4_plan(&bench_ack)),
        0,
        "bytes to plan, bench ACK"
    );
    assert_eq!(
        blocks(|| {
            let lease = ztp_options::v6::Lease::parse(V6_REPLY).unwrap();
            touch(&resolve_v6(&lease).unwrap())
        }),
        0,
        "bytes to plan, V6_REPLY"
    );

    // The owned conversion: one block per string and per non-empty list.
    let lease = Lease::parse(V4_ACK).unwrap();
    let v4 = resolve_v4(&lease).unwrap();
    let v6_lease = ztp_options::v6::Lease::parse(V6_REPLY).unwrap();
    let v6 = resolve_v6(&v6_lease).unwrap();
    // V4_ACK: image, config, host name, ntp and syslog lists, ignored 66.
    assert_eq!(blocks(|| v4.to_buf()), 6, "to_buf, V4_ACK");
    // V6_REPLY: image, config, the ignored option 59 path.
    assert_eq!(blocks(|| v6.to_buf()), 3, "to_buf, V6_REPLY");

    // Encoding into a caller's buffer.
    let plan = v4;
    let info = plan.vendor_info().unwrap();
    let set = plan.to_v4_options().unwrap();
    let repr = MessageRepr::parse(&Message::new_checked(V4_ACK).unwrap()).unwrap();
    let mut buf = vec![0u8; 2048];
    assert_eq!(blocks(|| info.emit_v4(&mut buf).unwrap()), 0, "emit_v4");
    assert_eq!(blocks(|| info.emit_v6(&mut buf).unwrap()), 0, "emit_v6");
    assert_eq!(blocks(|| set.emit(&mut buf).unwrap()), 0, "OptionSet::emit");
    assert_eq!(
        blocks(|| repr.emit(&mut buf).unwrap()),
        0,
        "MessageRepr::emit"
    );

    // For the record: building the owned option set.
    println!(
        "allocations: to_v4_options {}",
        blocks(|| plan.to_v4_options())
    );
}
