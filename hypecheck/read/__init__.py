"""Reading: bytes, files, pages and URLs in; cleaned text with offsets into the original out."""
