"""The editor of an own application (the förbund applies to an outside funder): one widget per structured part,
each in its own module, put on tabs by `tabs.build_own_tabs`."""
