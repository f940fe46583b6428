"""The aid as web pages: sessions, forms, and one template per kind of page, rendered on the server."""
