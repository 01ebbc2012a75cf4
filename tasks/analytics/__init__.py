"""What analysts see on top of the tables: fixed views, the HTML report and the generated table docs."""
