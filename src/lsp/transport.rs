//! JSON-RPC over a byte stream, framed by `Content-Length` headers. A frame that cannot be
//! read (a bad header, bad JSON, a message that is no request, response or notification)
//! is reported as such, so the server answers it with the protocol's error and goes on.

use std::io::{self, BufRead, Write};

use lsp_server::Message;
use serde_json::Value;

/// A message larger than this is refused unread, as any input that could grow without
/// bound is.
const MAX_MESSAGE: usize = 64 * 1024 * 1024;

pub enum Frame {
    Message(Message),
    /// A frame that is not a message; `id` when one could be read, to answer it.
    Malformed {
        id: Option<Value>,
        code: i32,
        message: String,
    },
    /// The input ended.
    End,
}

const PARSE_ERROR: i32 = -32700;
const INVALID_REQUEST: i32 = -32600;

pub fn read(input: &mut impl BufRead) -> io::Result<Frame> {
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(Frame::End);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() {
                break;
            }
            // A stray blank line between frames.
            continue;
        }
        let Some((name, value)) = header.split_once(':') else {
            return Ok(malformed(
                None,
                PARSE_ERROR,
                format!("malformed header `{header}`"),
            ));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            length = value.trim().parse::<usize>().ok();
            if length.is_none() {
                return Ok(malformed(
                    None,
                    PARSE_ERROR,
                    format!("bad Content-Length `{}`", value.trim()),
                ));
            }
        }
    }
    let length = length.unwrap_or_default();
    if length > MAX_MESSAGE {
        io::copy(
            &mut io::Read::take(&mut *input, length as u64),
            &mut io::sink(),
        )?;
        return Ok(malformed(
            None,
            INVALID_REQUEST,
            format!("a message of {length} bytes is too large"),
        ));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    let value: Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(error) => {
            return Ok(malformed(
                None,
                PARSE_ERROR,
                format!("invalid JSON: {error}"),
            ));
        }
    };
    let id = value.get("id").cloned();
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Ok(Frame::Message(message)),
        Err(error) => Ok(malformed(
            id,
            INVALID_REQUEST,
            format!("not a JSON-RPC message: {error}"),
        )),
    }
}

fn malformed(id: Option<Value>, code: i32, message: String) -> Frame {
    Frame::Malformed { id, code, message }
}

pub fn write(output: &mut impl Write, message: &Message) -> io::Result<()> {
    // lsp-server frames it and adds `"jsonrpc": "2.0"`.
    message.clone().write(output)
}

/// The error answer to a frame that was not a message (`id` null when it had none).
pub fn write_error(
    output: &mut impl Write,
    id: Option<Value>,
    code: i32,
    message: &str,
) -> io::Result<()> {
    let answer = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id.unwrap_or(Value::Null),
        "error": {"code": code, "message": message},
    });
    write_text(output, &answer.to_string())
}

fn write_text(output: &mut impl Write, text: &str) -> io::Result<()> {
    write!(output, "Content-Length: {}\r\n\r\n", text.len())?;
    output.write_all(text.as_bytes())?;
    output.flush()
}
