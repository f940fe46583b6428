"""Input that ends a Textual 8.2.8 app: each line names the step that raises and what it raises."""

from codecs import getincrementaldecoder

from textual._xterm_parser import XTermParser

for sent in (b"\xff\xfe",):
    try:
        getincrementaldecoder("utf-8")().decode(sent)  # as linux_driver.run_input_thread decodes input
        print(f"decoder  {sent!r:24} no error")
    except Exception as error:
        print(f"decoder  {sent!r:24} {type(error).__name__}: {error}")

for sent in ("\x1b[99999999999u", "\x1b[97:99999999999u", "\x1b[1114112u"):
    parser = XTermParser()
    try:
        list(parser.feed(sent))
        list(parser.tick())
        print(f"parser   {sent!r:24} no error")
    except Exception as error:
        print(f"parser   {sent!r:24} {type(error).__name__}: {error}")
