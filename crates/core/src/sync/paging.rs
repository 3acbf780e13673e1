//! A push in pages. A cadre's first push can be months of records, and a 2G line
//! carries about 2 KB a second and drops now and then: one bundle of it would never
//! arrive whole. So a push is sent as pages of at most [`PUSH_PAGE_BYTES`], each a
//! bundle of its own under its own push id, applied whole by the server. Parents come
//! before their children (an earlier page is on the server when a later one arrives),
//! deletions last. A page's id is made from the push's id and the page's records, so a
//! page sent again after a dropped answer is the same push to the server (applied
//! once), and a page that changed since is a new one (applied, never skipped).

use sha2::{Digest, Sha256};

use crate::bundle::{Line, TABLES};

/// The most one push page carries, in bytes of records (one record bigger than this
/// goes alone). Gzipped (`wire::gzip`) it is about 12 KB: at 2 KB/s a few seconds, so
/// a line that drops every minute still gets pages through, and a page is little to
/// send again; plain (a server that does not read gzip) about a minute.
pub const PUSH_PAGE_BYTES: usize = 128 * 1024;

/// One page of a push: its id and its records.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub id: String,
    pub lines: Vec<Line>,
    /// The page's records, in bytes as they travel.
    pub bytes: usize,
}

/// Where a line goes: parents before their children (the bundle's table order), then
/// deletions.
fn order(line: &Line) -> usize {
    if line.deleted.is_some() {
        return usize::MAX;
    }
    TABLES
        .iter()
        .position(|t| t.name == line.table)
        .unwrap_or(usize::MAX - 1)
}

/// `lines` in pages of at most `max_bytes` (a bigger line alone), parents first; no
/// lines, no page. `header` is what every page's header carries beside its records
/// (the cadre's own test and posko): a page id covers it too, so a page whose records
/// are unchanged but whose header changed is a new push to the server.
pub fn pages(push_id: &str, header: &[u8], mut lines: Vec<Line>, max_bytes: usize) -> Vec<Page> {
    // Stable: within a table, the order they were gathered in.
    lines.sort_by_key(order);
    let mut pages = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut digest = Sha256::new();
    let mut bytes = 0;
    for line in lines {
        let text = serde_json::to_vec(&line).unwrap_or_default();
        if bytes + text.len() + 1 > max_bytes && !current.is_empty() {
            pages.push(finish(
                push_id,
                header,
                std::mem::take(&mut current),
                digest,
                bytes,
            ));
            digest = Sha256::new();
            bytes = 0;
        }
        digest.update(&text);
        digest.update(b"\n");
        bytes += text.len() + 1;
        current.push(line);
    }
    if !current.is_empty() {
        pages.push(finish(push_id, header, current, digest, bytes));
    }
    pages
}

fn finish(push_id: &str, header: &[u8], lines: Vec<Line>, records: Sha256, bytes: usize) -> Page {
    let mut id = Sha256::new();
    id.update(push_id.as_bytes());
    id.update(Sha256::digest(header));
    id.update(records.finalize());
    let digest = id.finalize();
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    Page {
        id: uuid::Builder::from_custom_bytes(first)
            .into_uuid()
            .to_string(),
        lines,
        bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Deleted;

    fn line(table: &str, id: &str, note: &str) -> Line {
        Line {
            table: table.into(),
            id: id.into(),
            body: Some(
                serde_json::json!({"id": id, "note": note})
                    .as_object()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
            ),
            history: vec![],
            deleted: None,
        }
    }

    #[test]
    fn pages_keep_their_size_parents_first_and_every_line_once() {
        let mut lines = Vec::new();
        for i in 0..40 {
            lines.push(line("massage_session", &format!("s{i}"), &"x".repeat(300)));
        }
        lines.push(line("family", "f", "the family"));
        lines.push(Line {
            table: "massage_session".into(),
            id: "gone".into(),
            body: None,
            history: vec![],
            deleted: Some(Deleted {
                at: "2026-12-01T10:00:00+07:00".into(),
                device_id: "d".into(),
                family_id: Some("f".into()),
            }),
        });
        let paged = pages(
            "01a2370b-0000-7000-8000-000000000001",
            b"",
            lines.clone(),
            2048,
        );
        assert!(paged.len() > 5, "{} pages", paged.len());
        for page in &paged {
            assert!(page.bytes <= 2048, "{}", page.bytes);
            assert!(uuid::Uuid::parse_str(&page.id).is_ok());
        }
        let sent: Vec<&Line> = paged.iter().flat_map(|p| &p.lines).collect();
        assert_eq!(sent.len(), lines.len());
        assert_eq!(sent[0].table, "family", "the parent first");
        assert!(
            sent.last().is_some_and(|l| l.deleted.is_some()),
            "deletions last"
        );
        let ids: std::collections::BTreeSet<&str> = paged.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), paged.len(), "every page its own id");
        // The same records again: the same pages and ids. One record changed: its
        // page has a new id, the others keep theirs.
        let again = pages(
            "01a2370b-0000-7000-8000-000000000001",
            b"",
            lines.clone(),
            2048,
        );
        assert_eq!(again, paged);
        // The same records under another header (the cadre's test changed): new pages.
        let retested = pages(
            "01a2370b-0000-7000-8000-000000000001",
            b"post 9",
            lines.clone(),
            2048,
        );
        assert!(retested.iter().all(|p| !ids.contains(p.id.as_str())));
        let mut changed = lines.clone();
        changed[5] = line("massage_session", "s5", &"z".repeat(300));
        let after = pages("01a2370b-0000-7000-8000-000000000001", b"", changed, 2048);
        let kept = after.iter().filter(|p| ids.contains(p.id.as_str())).count();
        assert_eq!(kept, after.len() - 1, "only the changed page is new");
        // Another push of the same records: other ids.
        let other = pages("01a2370b-0000-7000-8000-000000000002", b"", lines, 2048);
        assert!(other.iter().all(|p| !ids.contains(p.id.as_str())));
    }

    #[test]
    fn a_line_bigger_than_a_page_goes_alone_and_nothing_makes_no_page() {
        let big = line("family", "f", &"y".repeat(5000));
        let paged = pages("p", b"", vec![big, line("family", "g", "small")], 1024);
        assert_eq!(paged.len(), 2);
        assert_eq!(paged[0].lines.len(), 1);
        assert!(pages("p", b"", Vec::new(), 1024).is_empty());
    }
}
