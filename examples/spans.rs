fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    for ev in saphyr_parser::Parser::new_from_str(&text) {
        match ev { Ok((e, s)) => println!("{:?} {}:{}({}) - {}:{}({})", e, s.start.line(), s.start.col(), s.start.index(), s.end.line(), s.end.col(), s.end.index()), Err(e) => { println!("ERR {:?}", e); break } }
    }
}
