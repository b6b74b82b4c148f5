"""What leaves or enters the app as a file: PDF forms and protocols, Excel, JSON.

Domain objects in, bytes out (or bytes in, domain objects plus row errors out). No SQL.
"""
