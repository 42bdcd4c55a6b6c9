//! The `path:port` suffix of a file name (R19).

use core::net::Ipv6Addr;

use ztp_options::Port;

use crate::error::Error;

/// What the end of a file name says about a port (R19), as read by
/// [`split_port_suffix`].
///
/// ```
/// use ztp_fetch_url::{PortSuffix, split_port_suffix};
///
/// let PortSuffix::Port { path, port } = split_port_suffix("/dist/config/jn-switch35.config:8088")? else {
///     panic!()
/// };
/// assert_eq!((path, port.get()), ("/dist/config/jn-switch35.config", 8088));
/// assert_eq!(split_port_suffix("a.conf:80x")?, PortSuffix::Absent { path: "a.conf:80x" });
/// assert!(matches!(split_port_suffix("/cfg/2001:db8::1")?, PortSuffix::Ipv6Tail { .. }));
/// # Ok::<(), ztp_fetch_url::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortSuffix<'a> {
    /// No `:digits` at the end: the whole name is the path (`/a/b.conf`,
    /// `a:b/c`, `file.conf:`, `file.conf:80x`).
    Absent {
        /// The whole name.
        path: &'a str,
    },
    /// The name ends in `:port`: `path` is the name without it.
    Port {
        /// The name without the suffix.
        path: &'a str,
        /// The port.
        port: Port,
    },
    /// The last segment of the name (after the last `/`) is an IPv6
    /// address (`/cfg/2001:db8::1`): its final `:digits` are a group of the
    /// address, not a port. The whole name is the path.
    Ipv6Tail {
        /// The whole name.
        path: &'a str,
    },
}

impl<'a> PortSuffix<'a> {
    /// The path: the name without its suffix, if it has one.
    pub const fn path(&self) -> &'a str {
        match *self {
            PortSuffix::Absent { path }
            | PortSuffix::Port { path, .. }
            | PortSuffix::Ipv6Tail { path } => path,
        }
    }

    /// The suffix's port, if the name ends in one.
    pub const fn port(&self) -> Option<Port> {
        match *self {
            PortSuffix::Port { port, .. } => Some(port),
            PortSuffix::Absent { .. } | PortSuffix::Ipv6Tail { .. } => None,
        }
    }
}

/// Splits a file name's `:port` suffix off (R19).
///
/// Only a trailing run of ASCII digits after the **last** `:` counts, and
/// only when the name's last segment (after the last `/`) is not an IPv6
/// address. The digits are read as [`Port`] reads suboption 05
/// (`"08080".parse::<Port>()`): leading zeros are accepted (`:08080` is
/// port 8080), 0 and values above 65535 are not. A name without a suffix
/// comes back whole, as [`PortSuffix::Absent`] or [`PortSuffix::Ipv6Tail`].
///
/// This function only reads the name: whether the port is used depends on
/// the transfer mode and the family (see [`fetch_plan`](crate::fetch_plan)).
///
/// ```
/// use ztp_fetch_url::{split_port_suffix, PortSuffix};
///
/// # fn main() -> Result<(), ztp_fetch_url::Error> {
/// let split = split_port_suffix("/dist/config/jn-switch35.config:8088")?;
/// assert_eq!(split.path(), "/dist/config/jn-switch35.config");
/// assert_eq!(split.port().map(|p| p.get()), Some(8088));
///
/// // A colon elsewhere is part of the name.
/// assert_eq!(split_port_suffix("a:b/c")?, PortSuffix::Absent { path: "a:b/c" });
/// // So is an IPv6 address at the end.
/// assert_eq!(split_port_suffix("/cfg/2001:db8::1")?.port(), None);
/// // Port 0 and ports above 65535 are errors that carry the value (R19).
/// assert!(split_port_suffix("/a.conf:0").is_err());
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// [`Error::BadPortSuffix`] when the digits are 0 or above 65535, with the
/// digits and the name.
pub fn split_port_suffix(name: &str) -> Result<PortSuffix<'_>, Error> {
    let Some((path, digits)) = name.rsplit_once(':') else {
        return Ok(PortSuffix::Absent { path: name });
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(PortSuffix::Absent { path: name });
    }
    let segment = name.rsplit_once('/').map_or(name, |(_, last)| last);
    if segment.parse::<Ipv6Addr>().is_ok() {
        return Ok(PortSuffix::Ipv6Tail { path: name });
    }
    // The run is ASCII digits only (`Port` would also take a trailing NUL,
    // as suboption 05 may carry one; a name's suffix may not), so `Port`
    // reads exactly it: decimal, leading zeros accepted, 1..=65535, any
    // length without overflow.
    match digits.parse::<Port>() {
        Ok(port) => Ok(PortSuffix::Port { path, port }),
        Err(_) => Err(Error::BadPortSuffix {
            value: digits.into(),
            name: name.into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(name: &str) -> (&str, Option<u16>) {
        let s = split_port_suffix(name).unwrap();
        (s.path(), s.port().map(Port::get))
    }

    #[test]
    fn r19_trailing_digits_after_the_last_colon() {
        assert_eq!(split("/a.conf:8088"), ("/a.conf", Some(8088)));
        assert_eq!(split("a:b:21"), ("a:b", Some(21)));
        assert_eq!(split("/a.conf:65535"), ("/a.conf", Some(65535)));
        assert_eq!(split("/a.conf:1"), ("/a.conf", Some(1)));
        assert_eq!(split("/a.conf:0008088"), ("/a.conf", Some(8088)));
    }

    #[test]
    fn r19_no_suffix() {
        assert_eq!(split("/a.conf"), ("/a.conf", None));
        assert_eq!(split("a:b/c"), ("a:b/c", None));
        assert_eq!(split("/a.conf:"), ("/a.conf:", None));
        assert_eq!(split("/a.conf:80x"), ("/a.conf:80x", None));
        assert_eq!(split("/a.conf:+80"), ("/a.conf:+80", None));
        assert_eq!(split("/a.conf: 80"), ("/a.conf: 80", None));
        // Non-ASCII digits are not digits here.
        assert_eq!(split("/a.conf:\u{0668}0"), ("/a.conf:\u{0668}0", None));
        // Nor is a trailing NUL part of the run (suboption 05 may end in
        // one, R7; a name's suffix may not).
        assert_eq!(split("/a.conf:80\0"), ("/a.conf:80\0", None));
    }

    #[test]
    fn r19_the_run_is_a_decimal_port_in_1_to_65535() {
        // Every value of up to five digits and a few beyond, with and
        // without leading zeros: the port is the run's decimal value when
        // it is 1..=65535, else an error carrying the run. Under Miri, a
        // value in 997 and the edges.
        let step = if cfg!(miri) { 997 } else { 1 };
        let edges = [0, 1, 9, 10, 99, 100, 65_534, 65_535, 65_536, 69_999, 70_000];
        for n in (0u32..=70_000).step_by(step).chain(edges) {
            for zeros in ["", "0", "000"] {
                let digits = format!("{zeros}{n}");
                let name = format!("/a.conf:{digits}");
                match u16::try_from(n) {
                    Ok(port) if port > 0 => {
                        assert_eq!(split(&name), ("/a.conf", Some(port)), "{name}");
                    }
                    _ => assert_eq!(
                        split_port_suffix(&name),
                        Err(Error::BadPortSuffix {
                            value: digits,
                            name: name.clone()
                        }),
                        "{name}"
                    ),
                }
            }
        }
    }

    #[test]
    fn r19_ipv6_tail_is_not_a_suffix() {
        assert_eq!(
            split_port_suffix("/cfg/2001:db8::1").unwrap(),
            PortSuffix::Ipv6Tail {
                path: "/cfg/2001:db8::1"
            }
        );
        assert_eq!(split("fe80::8088"), ("fe80::8088", None));
        assert_eq!(split("/cfg/::1"), ("/cfg/::1", None));
        // Not an address as a whole: the suffix counts.
        assert_eq!(
            split("/cfg/2001:db8::1.conf:8088"),
            ("/cfg/2001:db8::1.conf", Some(8088))
        );
    }

    #[test]
    fn r19_out_of_range_is_an_error_with_the_value() {
        for (name, value) in [
            ("/a:0", "0"),
            ("/a:65536", "65536"),
            ("/a:000", "000"),
            ("/a:99999999999999999999999", "99999999999999999999999"),
        ] {
            assert_eq!(
                split_port_suffix(name),
                Err(Error::BadPortSuffix {
                    value: value.into(),
                    name: name.into()
                })
            );
        }
    }
}
