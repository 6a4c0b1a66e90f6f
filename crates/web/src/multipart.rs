//! Uploads: `multipart/form-data` bodies (the signed-container forms) read with `multer` from
//! the body the request-protection middleware already holds, within [`MAX_UPLOAD_BYTES`], and
//! which paths take them.

use axum::body::Bytes;
use axum::http::{HeaderMap, header};

/// The largest upload accepted (a signed container plus the form's other fields).
pub const MAX_UPLOAD_BYTES: usize = ametijuhend_app::signatures::MAX_CONTAINER_BYTES + 64 * 1024;

/// The media types a signed container is sent with to the JSON API.
pub const CONTAINER_MEDIA_TYPES: [&str; 3] = [
    "application/vnd.etsi.asic-e+zip",
    "application/vnd.etsi.asic-s+zip",
    "application/octet-stream",
];

/// True for the addresses that take a signed container (pages and JSON API).
pub fn is_upload_path(path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path);
    let rest = path.strip_prefix("/api").unwrap_or(path);
    (rest.starts_with("/job-descriptions/") || rest.starts_with("/directives/"))
        && rest.ends_with("/signatures")
        && rest.matches('/').count() == 3
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// True when the body is `multipart/form-data`.
pub fn is_multipart(headers: &HeaderMap) -> bool {
    content_type(headers).starts_with("multipart/form-data")
}

/// True when the body is a container as the JSON API takes it.
pub fn is_container(headers: &HeaderMap) -> bool {
    let ct = content_type(headers);
    let essence = ct.split(';').next().unwrap_or("").trim();
    CONTAINER_MEDIA_TYPES.contains(&essence)
}

/// One field of a form: its name, the file name (for a file) and its bytes.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub file_name: Option<String>,
    pub bytes: Bytes,
}

/// The fields of a `multipart/form-data` body, in order; `None` when it cannot be read.
pub async fn fields(headers: &HeaderMap, body: Bytes) -> Option<Vec<Field>> {
    let ct = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let boundary = multer::parse_boundary(ct).ok()?;
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    let mut out = Vec::new();
    while let Some(field) = form.next_field().await.ok()? {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.ok()?;
        out.push(Field {
            name,
            file_name,
            bytes,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn only_the_signature_addresses_take_uploads() {
        let id = "9b2e0b36-4b52-4e3c-9a57-6f9d8a2f1a10";
        for ok in [
            format!("/job-descriptions/{id}/signatures"),
            format!("/directives/{id}/signatures"),
            format!("/api/job-descriptions/{id}/signatures"),
            format!("/api/directives/{id}/signatures?x=1"),
        ] {
            assert!(is_upload_path(&ok), "{ok}");
        }
        for no in [
            "/job-descriptions/x/transitions".to_string(),
            format!("/job-descriptions/{id}/signatures/extra"),
            "/signatures".to_string(),
            format!("/positions/{id}/signatures"),
        ] {
            assert!(!is_upload_path(&no), "{no}");
        }
    }

    #[tokio::test]
    async fn a_form_with_a_file_is_read_field_by_field() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n\
                    --XyZ\r\nContent-Disposition: form-data; name=\"container\"; \
                    filename=\"a.asice\"\r\nContent-Type: application/vnd.etsi.asic-e+zip\r\n\r\n\
                    PK\x03\x04data\r\n--XyZ--\r\n";
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("multipart/form-data; boundary=XyZ"),
        );
        assert!(is_multipart(&headers));
        let f = fields(&headers, Bytes::from(body)).await.expect("read");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].name.as_str(), &f[0].bytes[..]), ("csrf", &b"abc"[..]));
        assert_eq!(f[1].file_name.as_deref(), Some("a.asice"));
        assert_eq!(&f[1].bytes[..], b"PK\x03\x04data");
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        assert!(fields(&headers, Bytes::from(body)).await.is_none());
    }
}
