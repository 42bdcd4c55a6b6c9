//! Byte ranges of the BOOTP/DHCPv4 fixed header (RFC 2131 §2, figure 1).
//!
//! Each range is tested against the RFC's table in this module's tests
//! (smoltcp's `SNAME`/`CHADDR` ranges are off; ours are not).

use core::ops::{Range, RangeFrom};

/// A fixed-size field.
pub type Field = Range<usize>;
/// The variable-length rest of the message.
pub type Rest = RangeFrom<usize>;

/// `op`: 1 BOOTREQUEST, 2 BOOTREPLY.
pub const OP: usize = 0;
/// `htype`: hardware address type.
pub const HTYPE: usize = 1;
/// `hlen`: hardware address length (at most 16 for `chaddr`).
pub const HLEN: usize = 2;
/// `hops`.
pub const HOPS: usize = 3;
/// `xid`: transaction id.
pub const XID: Field = 4..8;
/// `secs`.
pub const SECS: Field = 8..10;
/// `flags`.
pub const FLAGS: Field = 10..12;
/// `ciaddr`: client address.
pub const CIADDR: Field = 12..16;
/// `yiaddr`: "your" (client) address.
pub const YIADDR: Field = 16..20;
/// `siaddr`: next server address.
pub const SIADDR: Field = 20..24;
/// `giaddr`: relay agent address.
pub const GIADDR: Field = 24..28;
/// `chaddr`: client hardware address, 16 bytes.
pub const CHADDR: Field = 28..44;
/// `sname`: server host name, 64 bytes (options when overloaded with 2 or 3).
pub const SNAME: Field = 44..108;
/// `file`: boot file name, 128 bytes (options when overloaded with 1 or 3).
pub const FILE: Field = 108..236;
/// The magic cookie `63 82 53 63` (RFC 2131 §3).
pub const MAGIC: Field = 236..240;
/// The options area.
pub const OPTIONS: Rest = 240..;

/// The magic cookie's value.
pub const MAGIC_COOKIE: [u8; 4] = [0x63, 0x82, 0x53, 0x63];
/// The smallest message: the fixed header and the cookie.
pub const MIN_LEN: usize = OPTIONS.start;

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 2131 figure 1, as (name, size in bytes), in order.
    const RFC2131: [(&str, usize); 15] = [
        ("op", 1),
        ("htype", 1),
        ("hlen", 1),
        ("hops", 1),
        ("xid", 4),
        ("secs", 2),
        ("flags", 2),
        ("ciaddr", 4),
        ("yiaddr", 4),
        ("siaddr", 4),
        ("giaddr", 4),
        ("chaddr", 16),
        ("sname", 64),
        ("file", 128),
        ("cookie", 4),
    ];

    #[test]
    fn r2_header_ranges_match_rfc2131() {
        let ours: [(usize, usize); 15] = [
            (OP, 1),
            (HTYPE, 1),
            (HLEN, 1),
            (HOPS, 1),
            (XID.start, XID.len()),
            (SECS.start, SECS.len()),
            (FLAGS.start, FLAGS.len()),
            (CIADDR.start, CIADDR.len()),
            (YIADDR.start, YIADDR.len()),
            (SIADDR.start, SIADDR.len()),
            (GIADDR.start, GIADDR.len()),
            (CHADDR.start, CHADDR.len()),
            (SNAME.start, SNAME.len()),
            (FILE.start, FILE.len()),
            (MAGIC.start, MAGIC.len()),
        ];
        let mut offset = 0;
        for ((name, size), (start, len)) in RFC2131.iter().zip(ours) {
            assert_eq!((start, len), (offset, *size), "{name}");
            offset += size;
        }
        assert_eq!(offset, MIN_LEN);
        assert_eq!(SNAME, 44..108);
        assert_eq!(CHADDR.len(), 16);
    }
}
