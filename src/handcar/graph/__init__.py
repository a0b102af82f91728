"""From a checked annotation to RDF: minting IRIs, claims with evidence, the named graphs."""
