//! One fetch target: the URL a device fetches, built from a plan or parsed
//! back from text.

use core::fmt;
use core::net::{IpAddr, Ipv4Addr};

use url::{Host, Position, Url};
use ztp_options::{ImageType, TransferMode};

use crate::error::{Error, HTTP_URL_LIMIT};
use crate::note::{Note, PortSource};
use crate::url_text::url_text;

/// What a target is: the software image (a file or a symbolic link,
/// suboption 02) or the configuration file or script.
///
/// ```
/// use ztp_fetch_url::fetch_plan;
/// use ztp_options::{ImageType, resolve_v4, samples::V4_ACK, v4::Lease};
///
/// let lease = Lease::parse(V4_ACK)?;
/// let fetch = fetch_plan(&resolve_v4(&lease)?);
/// let image = fetch.image.unwrap()?;
/// assert_eq!(image.kind().image_type(), Some(ImageType::File));
/// assert_eq!(image.kind().to_string(), "image");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "target", rename_all = "lowercase"))]
pub enum TargetKind {
    /// The software image.
    Image {
        /// A plain file, or a symbolic link to the image.
        image_type: ImageType,
    },
    /// The configuration file or script.
    Config,
}

impl TargetKind {
    /// What suboption 02 says, for an image; `None` for the configuration.
    pub const fn image_type(self) -> Option<ImageType> {
        match self {
            TargetKind::Image { image_type } => Some(image_type),
            TargetKind::Config => None,
        }
    }
}

impl fmt::Display for TargetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TargetKind::Image {
                image_type: ImageType::File,
            } => "image",
            TargetKind::Image {
                image_type: ImageType::Symlink,
            } => "image (symlink)",
            TargetKind::Config => "config",
        })
    }
}

/// Where a URL given to [`Target::parse`] comes from; it names the source of
/// an explicit port.
///
/// ```
/// use ztp_fetch_url::{PortSource, Target, TargetKind, UrlOrigin};
///
/// let url = "http://[2001:db8::1]:8080/img/junos.tgz";
/// let image = TargetKind::Image { image_type: ztp_options::ImageType::File };
/// // The same port, named after where the URL came from.
/// let from_59 = Target::parse(url, image, UrlOrigin::Option59)?;
/// assert_eq!(from_59.port_source(), PortSource::Option59);
/// let typed = Target::parse(url, image, UrlOrigin::User)?;
/// assert_eq!(typed.port_source(), PortSource::Url);
/// # Ok::<(), ztp_fetch_url::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum UrlOrigin {
    /// DHCPv6 option 59 (boot file URL): a port is [`PortSource::Option59`].
    #[cfg_attr(feature = "serde", serde(rename = "option-59"))]
    Option59,
    /// Typed by a person or read from a file: a port is [`PortSource::Url`].
    User,
}

/// One file to fetch: the URL and what it is made of.
///
/// A target is valid by construction: its URL has a transfer-mode scheme, an
/// IP-literal host (IPv6 in brackets, R22), no user or password (R23), the
/// port only when it differs from the mode's default, a percent-encoded
/// path, and (HTTP, HTTPS) at most [`HTTP_URL_LIMIT`] characters (R21).
/// Build one with [`fetch_plan`](crate::fetch_plan) or [`Target::parse`].
///
/// ```
/// use std::net::IpAddr;
/// use ztp_fetch_url::{PortSource, Target, TargetKind, UrlOrigin};
/// use ztp_options::TransferMode;
///
/// let target = Target::parse(
///     "tftp://192.0.2.10:6969/ztp/ex4300.conf",
///     TargetKind::Config,
///     UrlOrigin::User,
/// )?;
/// assert_eq!(target.mode(), TransferMode::Tftp);
/// assert_eq!(target.server(), "192.0.2.10".parse::<IpAddr>()?);
/// assert_eq!((target.port(), target.port_source()), (6969, PortSource::Url));
/// assert_eq!(target.path(), "/ztp/ex4300.conf");
/// assert_eq!(target.as_str(), "tftp://192.0.2.10:6969/ztp/ex4300.conf");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The URL's text, as the `url` crate serialises it.
    url: String,
    /// Where its path starts and ends (a parsed URL may have a query and
    /// a fragment after it).
    path: core::ops::Range<usize>,
    mode: TransferMode,
    server: IpAddr,
    port: u16,
    port_source: PortSource,
    kind: TargetKind,
    notes: Vec<Note>,
}

impl Target {
    /// Parses a URL (DHCPv6 option 59, or one a person gives) into a target,
    /// with the same checks as a target built from a plan.
    ///
    /// The URL is normalised as the `url` crate does (percent-encoding, `.`
    /// and `..` resolved), and a port equal to the mode's default is dropped
    /// (`tftp://192.0.2.1:69/a` becomes `tftp://192.0.2.1/a`); an explicit
    /// port that differs from the default comes from `origin`, any other is
    /// [`PortSource::Default`]. A `:digits` at the end of the URL's *path*
    /// is part of the path: in a URL the port belongs to the authority. The
    /// query and fragment, if any, are kept.
    ///
    /// ```
    /// use ztp_fetch_url::{PortSource, Target, TargetKind, UrlOrigin};
    /// use ztp_options::{ImageType, TransferMode};
    ///
    /// # fn main() -> Result<(), ztp_fetch_url::Error> {
    /// let kind = TargetKind::Image { image_type: ImageType::File };
    /// let t = Target::parse("http://[2001:db8::1]:8080/img/junos.tgz", kind, UrlOrigin::Option59)?;
    /// assert_eq!(t.mode(), TransferMode::Http);
    /// assert_eq!(t.port(), 8080);
    /// assert_eq!(t.port_source(), PortSource::Option59);
    /// assert_eq!(t.server().to_string(), "2001:db8::1");
    ///
    /// // The device does no DNS (R22).
    /// let err = Target::parse("http://files.example/a", kind, UrlOrigin::User).unwrap_err();
    /// assert_eq!(err.rule().to_string(), "R22");
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::BadUrl`] for text the `url` crate rejects,
    /// [`Error::UnsupportedScheme`], [`Error::Credentials`] (R23),
    /// [`Error::NoServer`] and [`Error::HostName`] (R22),
    /// [`Error::ZeroPort`], [`Error::EmptyName`] for an empty path or `/`,
    /// [`Error::TooLong`] (R21).
    pub fn parse(input: &str, kind: TargetKind, origin: UrlOrigin) -> Result<Target, Error> {
        let mut url = Url::parse(input).map_err(|e| Error::BadUrl {
            value: input.into(),
            reason: e.to_string(),
        })?;
        // The `url` crate lowercases the scheme and allows no NUL in it, so
        // this is exactly `tftp`, `ftp`, `http` or `https`.
        let mode = url
            .scheme()
            .parse::<TransferMode>()
            .map_err(|_| Error::UnsupportedScheme {
                value: url.scheme().into(),
            })?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Error::Credentials { url: input.into() });
        }
        let server = match url.host() {
            None => return Err(Error::NoServer { url: input.into() }),
            Some(Host::Ipv4(a)) => IpAddr::V4(a),
            Some(Host::Ipv6(a)) => IpAddr::V6(a),
            // `tftp` is not a special scheme to the `url` crate: its hosts
            // are opaque text, so an IPv4 literal is read here.
            Some(Host::Domain("")) => return Err(Error::NoServer { url: input.into() }),
            Some(Host::Domain(name)) => match name.parse::<Ipv4Addr>() {
                Ok(a) => IpAddr::V4(a),
                Err(_) => return Err(Error::HostName { value: name.into() }),
            },
        };
        let default = mode.default_port();
        let (port, port_source) = match url.port() {
            Some(0) => return Err(Error::ZeroPort { url: input.into() }),
            Some(p) if p != default => (
                p,
                match origin {
                    UrlOrigin::Option59 => PortSource::Option59,
                    UrlOrigin::User => PortSource::Url,
                },
            ),
            _ => (default, PortSource::Default),
        };
        if port == default {
            url.set_port(None).map_err(|()| Error::BadUrl {
                value: input.into(),
                reason: "cannot drop the default port".into(),
            })?;
        }
        if matches!(url.path(), "" | "/") {
            return Err(Error::EmptyName { name: input.into() });
        }
        check_length(mode, url.as_str())?;
        let mut notes = Vec::new();
        if mode == TransferMode::Ftp {
            notes.push(Note::AnonymousFtp);
        }
        let path = url[..Position::BeforePath].len()..url[..Position::AfterPath].len();
        Ok(Target {
            url: url.into(),
            path,
            mode,
            server,
            port,
            port_source,
            kind,
            notes,
        })
    }

    /// The URL as a [`url::Url`], parsed from [`Target::as_str`] (this
    /// allocates; a target keeps only the text, which is what a device
    /// sends).
    ///
    /// # Errors
    ///
    /// [`Error::BadUrl`] should the `url` crate reject the text; it never
    /// does for a target (its text is what the `url` crate writes, which
    /// the tests check).
    pub fn to_url(&self) -> Result<Url, Error> {
        Url::parse(&self.url).map_err(|e| Error::BadUrl {
            value: self.url.clone(),
            reason: e.to_string(),
        })
    }

    /// The URL as text: what is sent.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The URL's path, percent-encoded, `.` and `..` resolved
    /// (`/dist/config/jn-switch35.config`).
    pub fn path(&self) -> &str {
        self.url.get(self.path.clone()).unwrap_or("")
    }

    /// The transfer mode (the URL's scheme).
    pub fn mode(&self) -> TransferMode {
        self.mode
    }

    /// The file server.
    pub fn server(&self) -> IpAddr {
        self.server
    }

    /// The port used, written in the URL only when it differs from the
    /// mode's default.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Where the port came from.
    pub fn port_source(&self) -> PortSource {
        self.port_source
    }

    /// Image (file or symlink) or configuration.
    pub fn kind(&self) -> TargetKind {
        self.kind
    }

    /// The notes about this target, in the order the rules ran.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }
}

impl fmt::Display for Target {
    /// `config http://192.0.2.10:8088/a.conf (port 8088 from suffix)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} (port {} from {})",
            self.kind, self.url, self.port, self.port_source
        )
    }
}

/// How the path of a target is written.
#[derive(Debug, Clone, Copy)]
pub(crate) enum PathText<'a> {
    /// A file name from a suboption: every byte outside RFC 3986's `pchar`
    /// and `/` is percent-encoded, `%` included.
    FileName(&'a str),
    /// The path of a URL (option 59): already a URL path, so `%xx` is kept;
    /// the `url` crate encodes what must be.
    UrlPath(&'a str),
}

/// The parts of a target built from a plan.
pub(crate) struct Parts<'a> {
    pub(crate) mode: TransferMode,
    pub(crate) server: IpAddr,
    pub(crate) port: u16,
    pub(crate) port_source: PortSource,
    pub(crate) kind: TargetKind,
    pub(crate) path: PathText<'a>,
    /// The name as the plan gave it, for errors.
    pub(crate) name: &'a str,
}

impl Target {
    /// Builds the URL (R21, R22, R23) and the target; `notes` already holds
    /// what the port rules said.
    pub(crate) fn build(
        parts: Parts<'_>,
        mut notes: Vec<Note>,
        builder: Builder,
    ) -> Result<Target, Error> {
        let Parts {
            mode,
            server,
            port,
            port_source,
            kind,
            path,
            name,
        } = parts;
        let explicit = (port != mode.default_port()).then_some(port);
        // The path rooted at `/`, encoded into one buffer (a name and a
        // URL path start with `/` exactly when their encoding does: `/` is
        // kept and every other byte stays or becomes `%`).
        let raw = match path {
            PathText::FileName(n) | PathText::UrlPath(n) => n,
        };
        let mut rooted = String::with_capacity(raw.len() + 9);
        if !raw.starts_with('/') {
            notes.push(Note::JoinedToRoot { name: raw.into() });
            rooted.push('/');
        }
        match path {
            PathText::FileName(name) => encode_file_name_into(&mut rooted, name),
            PathText::UrlPath(p) => rooted.push_str(p),
        }
        let (url, path_start) = match builder {
            Builder::Text => url_text(mode, server, explicit, &rooted),
            #[cfg(feature = "url-reference")]
            Builder::UrlCrate => reference::url_text(mode, server, explicit, &rooted)?,
        };
        let path_range = path_start..url.len();
        // R19: "/", ".", "a/.." name no file (as option 59's "/" names no
        // image).
        if matches!(url.get(path_range.clone()), None | Some("" | "/")) {
            return Err(Error::EmptyName { name: name.into() });
        }
        if has_dot_segment(&rooted) {
            notes.push(Note::PathNormalised {
                path: rooted,
                url_path: url.get(path_range.clone()).unwrap_or("").into(),
            });
        }
        if mode == TransferMode::Ftp {
            notes.push(Note::AnonymousFtp);
        }
        check_length(mode, &url)?;
        Ok(Target {
            url,
            path: path_range,
            mode,
            server,
            port,
            port_source,
            kind,
            notes,
        })
    }
}

/// How a target's URL text is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Builder {
    /// Written from the checked parts ([`url_text`]).
    Text,
    /// Through the `url` crate: parse a base, set the port and the path
    /// (the reference the fast builder is checked against).
    #[cfg(feature = "url-reference")]
    UrlCrate,
}

#[cfg(feature = "url-reference")]
mod reference {
    //! The `url` crate builder: what [`super::url_text`] must agree with.

    use super::*;

    pub(crate) fn url_text(
        mode: TransferMode,
        server: IpAddr,
        port: Option<u16>,
        rooted: &str,
    ) -> Result<(String, usize), Error> {
        let base = match server {
            IpAddr::V4(a) => format!("{mode}://{a}/"),
            IpAddr::V6(a) => format!("{mode}://[{a}]/"),
        };
        let mut url = Url::parse(&base).map_err(|e| Error::BadUrl {
            value: base.clone(),
            reason: e.to_string(),
        })?;
        url.set_port(port).map_err(|()| Error::BadUrl {
            value: base.clone(),
            reason: "cannot carry a port".into(),
        })?;
        url.set_path(rooted);
        let start = url[..Position::BeforePath].len();
        Ok((url.into(), start))
    }
}

/// R21, R30: HTTP and HTTPS URLs longer than [`HTTP_URL_LIMIT`] are errors;
/// TFTP and FTP have no stated limit.
fn check_length(mode: TransferMode, url: &str) -> Result<(), Error> {
    let len = if url.is_ascii() {
        url.len()
    } else {
        url.chars().count()
    };
    match mode {
        TransferMode::Http | TransferMode::Https if len > HTTP_URL_LIMIT => Err(Error::TooLong {
            len,
            limit: HTTP_URL_LIMIT,
            mode,
            url: url.into(),
        }),
        _ => Ok(()),
    }
}

/// [`encode_file_name_into`] into a new string (the tests' form).
#[cfg(test)]
pub(crate) fn encode_file_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    encode_file_name_into(&mut out, name);
    out
}

/// Percent-encodes a file name for a URL path, appended to `out`: RFC 3986
/// unreserved characters, sub-delims, `:`, `@` and `/` are kept; every
/// other byte (`%`, space, `?`, `#`, `\`, controls, non-ASCII UTF-8)
/// becomes `%XX`.
pub(crate) fn encode_file_name_into(out: &mut String, name: &str) {
    const KEPT: &[u8] = b"-._~!$&'()*+,;=:@/";
    let mut plain = 0;
    for (i, b) in name.bytes().enumerate() {
        if b.is_ascii_alphanumeric() || KEPT.contains(&b) {
            continue;
        }
        // The bytes since `plain` are ASCII: a whole str.
        out.push_str(name.get(plain..i).unwrap_or(""));
        plain = i + 1;
        out.push('%');
        out.push(hex(b >> 4));
        out.push(hex(b & 0x0f));
    }
    out.push_str(name.get(plain..).unwrap_or(""));
}

fn hex(nibble: u8) -> char {
    char::from_digit(u32::from(nibble), 16).map_or('0', |c| c.to_ascii_uppercase())
}

/// Whether a path has a `.` or `..` segment (plain or percent-encoded),
/// which the `url` crate resolves.
fn has_dot_segment(path: &str) -> bool {
    path.split('/').any(|segment| {
        [".", "..", "%2e", "%2e%2e", "%2e.", ".%2e"]
            .iter()
            .any(|d| segment.eq_ignore_ascii_case(d))
    })
}

#[cfg(feature = "serde")]
mod serde_impl {
    //! A target is (de)serialised as its fields with the URL as text; on
    //! the way in, the URL is parsed again and must agree with the fields.

    use super::*;

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Fields {
        url: String,
        mode: TransferMode,
        server: IpAddr,
        port: u16,
        port_source: PortSource,
        kind: TargetKind,
        notes: Vec<Note>,
    }

    impl serde::Serialize for Target {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            Fields {
                url: self.url.clone(),
                mode: self.mode,
                server: self.server,
                port: self.port,
                port_source: self.port_source,
                kind: self.kind,
                notes: self.notes.clone(),
            }
            .serialize(s)
        }
    }

    impl<'de> serde::Deserialize<'de> for Target {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let f = Fields::deserialize(d)?;
            let parsed =
                Target::parse(&f.url, f.kind, UrlOrigin::User).map_err(serde::de::Error::custom)?;
            let mismatch = |field: &str| {
                serde::de::Error::custom(Error::Mismatch {
                    url: f.url.clone(),
                    field: field.into(),
                })
            };
            if parsed.mode != f.mode {
                return Err(mismatch("mode"));
            }
            if parsed.server != f.server {
                return Err(mismatch("server"));
            }
            if parsed.port != f.port {
                return Err(mismatch("port"));
            }
            Ok(Target {
                url: parsed.url,
                path: parsed.path,
                mode: f.mode,
                server: f.server,
                port: f.port,
                port_source: f.port_source,
                kind: f.kind,
                notes: f.notes,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_what_must_be() {
        assert_eq!(encode_file_name("/a b/c?d#e"), "/a%20b/c%3Fd%23e");
        assert_eq!(encode_file_name("/100%.conf"), "/100%25.conf");
        assert_eq!(encode_file_name("C:\\ztp\\x"), "C:%5Cztp%5Cx");
        assert_eq!(encode_file_name("/é"), "/%C3%A9");
        assert_eq!(
            encode_file_name("/a-b_c.d~e!$&'()*+,;=:@"),
            "/a-b_c.d~e!$&'()*+,;=:@"
        );
        assert_eq!(encode_file_name("/\u{7f}\t"), "/%7F%09");
    }

    #[test]
    fn dot_segments() {
        assert!(has_dot_segment("/a/../b"));
        assert!(has_dot_segment("/a/./b"));
        assert!(has_dot_segment("/a/%2E%2e/b"));
        assert!(!has_dot_segment("/a/.../b"));
        assert!(!has_dot_segment("/a/.hidden"));
    }

    #[test]
    fn r21_exactly_256_is_accepted() {
        // "http://192.0.2.10/" is 18 characters.
        let name = "a".repeat(HTTP_URL_LIMIT - 18);
        fn parts(name: &str) -> Parts<'_> {
            Parts {
                mode: TransferMode::Http,
                server: IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10)),
                port: 80,
                port_source: PortSource::Default,
                kind: TargetKind::Config,
                path: PathText::FileName(name),
                name,
            }
        }
        let t = Target::build(parts(&format!("/{name}")), Vec::new(), Builder::Text).unwrap();
        assert_eq!(t.as_str().len(), HTTP_URL_LIMIT);
        let err =
            Target::build(parts(&format!("/{name}a")), Vec::new(), Builder::Text).unwrap_err();
        assert!(matches!(
            err,
            Error::TooLong {
                len: 257,
                limit: 256,
                ..
            }
        ));
    }
}
