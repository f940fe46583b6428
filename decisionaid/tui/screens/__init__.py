"""One screen per page of the journey."""
