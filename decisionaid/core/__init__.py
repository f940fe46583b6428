"""The answers, the journey, the summary, page models, the sentence catalogue and the controller."""
