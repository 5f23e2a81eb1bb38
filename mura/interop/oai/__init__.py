"""The OAI-PMH 2.0 provider: one class per verb behind one view, as the protocol
is one endpoint whose `verb` argument picks the request.

Records are the public catalogue of public institutions. A record that was deleted
or is no longer public is a `status="deleted"` header, so harvesters drop their copy
(deletedRecord "persistent"). Lists are paged with stateless, signed resumption
tokens that carry the position (updated_at, pk) of the last record sent.

``protocol`` holds the envelope, errors, dates and each verb's arguments; ``records``
which records harvesters see; ``verbs`` the answer to each verb; ``views`` the endpoint
that checks a request's arguments and picks the verb."""
