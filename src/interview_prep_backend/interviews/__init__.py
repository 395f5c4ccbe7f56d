"""Whole mock interviews: several questions and answers judged together, and interviews
imported from a meeting's transcript."""
