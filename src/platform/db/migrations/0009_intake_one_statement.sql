-- Order intake writes most orders in one statement without a transaction around it
-- (src/modules/orders/intake.fast.ts). A statement is atomic on its own; what it needs is
-- a way to refuse its own result (the order's external id existed, or a stock level lost
-- its units since they were read), so that nothing it wrote remains. This function raises
-- an error with a given SQLSTATE from inside the statement, which undoes all of it.
create function ordo_abort(code text, message text) returns integer
language plpgsql as $$
begin
  raise exception using errcode = code, message = message;
end
$$;
