//! DHCPv6 option 59 (boot file URL, RFC 5970) as a [`url::Url`].

use url::Url;
use ztp_options::v6::BootFileUrl;

use crate::error::Error;

/// The URL of a decoded option 59 as a [`url::Url`].
///
/// [`BootFileUrl`] keeps the value exactly as sent (it does not allocate
/// and does not depend on `url`); the `url` crate normalises it:
/// percent-encoding, `.` and `..` segments resolved, a port equal to the
/// scheme's default dropped (HTTP's 80, HTTPS's 443 and FTP's 21; the `url`
/// crate knows no TFTP default). The decoder still has the port as sent
/// ([`BootFileUrl::port`], R16). This allocates.
///
/// This is the URL as any URL library reads it, with no ZTP rule applied
/// beyond those of option 59's decoder (R9, R22). [`Target::parse`] with
/// [`UrlOrigin::Option59`] gives the fetch target, with the checks of
/// this crate (the 256-character limit of R21, among others).
///
/// ```
/// use ztp_fetch_url::boot_file_url;
/// use ztp_options::{samples::V6_REPLY, v6::Lease};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let lease = Lease::parse(V6_REPLY)?;
/// let option59 = lease.boot_file_url()?.ok_or("no option 59")?;
/// let url = boot_file_url(&option59)?;
/// assert_eq!(url.as_str(), "http://[2001:db8::1]:8080/img/junos.tgz");
/// assert_eq!(url.port(), Some(8080));
/// assert_eq!(url.path(), "/img/junos.tgz");
/// # Ok(()) }
/// ```
///
/// [`Target::parse`]: crate::Target::parse
/// [`UrlOrigin::Option59`]: crate::UrlOrigin::Option59
///
/// # Errors
///
/// [`Error::BadUrl`] with the URL and the `url` crate's reason, should the
/// `url` crate reject a value option 59's decoder accepted.
pub fn boot_file_url(url: &BootFileUrl<'_>) -> Result<Url, Error> {
    Url::parse(url.as_str()).map_err(|e| Error::BadUrl {
        value: url.as_str().into(),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use core::net::Ipv6Addr;

    use url::Host;
    use ztp_options::{Family, Place, Port, TransferMode};

    use super::*;

    fn decode(s: &[u8]) -> BootFileUrl<'_> {
        BootFileUrl::parse(s, Place::option(Family::V6, 59, 0)).unwrap()
    }

    /// R9: the `url` crate reads the scheme, the server and the path the
    /// option 59 decoder reads.
    #[test]
    fn r9_the_url_crate_reads_the_same_mode_server_and_path() {
        let cases: [(&str, TransferMode, &str, Option<u16>, &str); 5] = [
            (
                "http://[2001:db8::1]:8080/img/junos.tgz",
                TransferMode::Http,
                "2001:db8::1",
                Some(8080),
                "/img/junos.tgz",
            ),
            (
                "tftp://[2001:db8::5]/junos.tgz",
                TransferMode::Tftp,
                "2001:db8::5",
                None,
                "/junos.tgz",
            ),
            (
                "https://[2001:0db8:0:0:0:0:0:a]:443/a%20b.tgz",
                TransferMode::Https,
                "2001:db8::a",
                Some(443),
                "/a%20b.tgz",
            ),
            ("ftp://[::1]", TransferMode::Ftp, "::1", None, ""),
            (
                "http://[fe80::1]:80/",
                TransferMode::Http,
                "fe80::1",
                Some(80),
                "/",
            ),
        ];
        for (s, mode, server, port, path) in cases {
            let option59 = decode(s.as_bytes());
            assert_eq!(option59.port().map(Port::get), port, "{s}");
            let url = boot_file_url(&option59).unwrap();
            assert_eq!(url.scheme(), mode.as_str(), "{s}");
            assert_eq!(
                url.host(),
                Some(Host::Ipv6(server.parse::<Ipv6Addr>().unwrap())),
                "{s}"
            );
            if let Some(port) = port {
                // The url crate drops a default port; the decoder keeps it
                // (R16).
                assert_eq!(url.port_or_known_default(), Some(port), "{s}");
            }
            if !path.is_empty() {
                assert_eq!(url.path(), path, "{s}");
            }
        }
    }

    /// R16: a default port is dropped by the `url` crate, not by the
    /// decoder; a trailing NUL (R7) is not part of the URL.
    #[test]
    fn r16_the_decoder_keeps_a_default_port_the_url_drops() {
        let option59 = decode(b"http://[2001:db8::1]:80/a/../junos.tgz\0");
        assert_eq!(option59.port().map(Port::get), Some(80));
        assert_eq!(option59.path(), "/a/../junos.tgz");
        let url = boot_file_url(&option59).unwrap();
        assert_eq!(url.as_str(), "http://[2001:db8::1]/junos.tgz");
        assert_eq!(url.port(), None);
        // TFTP's 69 is no default to the url crate: it stays.
        let url = boot_file_url(&decode(b"tftp://[2001:db8::1]:69/j.tgz")).unwrap();
        assert_eq!(url.port(), Some(69));
    }
}
