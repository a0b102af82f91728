"""Helping a curator annotate a new article: a draft annotation from the article
(:mod:`.draft`, its suggestions from :mod:`.suggest` and :mod:`.known`), and a fast check of one
article that reports every problem at once and what is left to do (:mod:`.check`)."""
